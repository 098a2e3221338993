import type { DataSource, EntityManager } from "typeorm";
import type { PersonalDataCipher } from "../personal-data/cipher";

// The keys belong to the database they protect: bound to personnel's data source when it is created,
// so every store, read, migration and tool on it (and every transaction's manager) finds the same ones.
const ciphers = new WeakMap<DataSource, PersonalDataCipher>();

export function bindPersonalDataCipher(dataSource: DataSource, cipher: PersonalDataCipher): DataSource {
  ciphers.set(dataSource, cipher);
  return dataSource;
}

/** The cipher of this data source (or of the one a transaction's manager or query runner belongs to). */
export function personalDataCipher(
  source: DataSource | EntityManager | { connection: DataSource },
): PersonalDataCipher {
  const dataSource = "connection" in source ? source.connection : source;
  const cipher = ciphers.get(dataSource);
  if (!cipher)
    throw new Error("This data source has no personal data keys: create it with createPersonnelDataSource.");
  return cipher;
}
