/**
 * What an .xlsx (a zip archive) says it unpacks to, read from its central directory before any
 * inflating, so a small upload that would unpack to gigabytes (a zip bomb) is refused up front.
 */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** An .xlsx that unpacks to more than this is refused before it is read. */
export const XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export const isZip = (data: Buffer): boolean => data.length >= 4 && data.readUInt32LE(0) === 0x04034b50; // "PK\x03\x04"

/** The sum of the entries' uncompressed sizes; throws an Error naming the problem for a broken or zip64 archive. */
export function unpackedSize(data: Buffer): number {
  const minEnd = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let i = data.length - 22; i >= minEnd; i--) {
    if (data.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("the archive is cut off (no zip end-of-directory record)");
  const entries = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new Error("the archive's directory is damaged");
    }
    const size = data.readUInt32LE(at + 24);
    if (size === ZIP64_MARK) throw new Error("zip64 archives are not accepted");
    total += size;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return total;
}
