import type { DataSource } from "typeorm";
import { personalDataCipher } from "../../src/db/personal-data";
import { StatisticianRows } from "../../src/db/repositories/statistician.rows";

const rowsOf = (dataSource: DataSource) => new StatisticianRows(personalDataCipher(dataSource));

/** The keyed hash personnel stores for an ID number (to find its row with SQL). */
export const idNumberHashOf = (dataSource: DataSource, idNumber: string) =>
  rowsOf(dataSource).idNumberHash(idNumber);

/**
 * Every statistician's ID number and phone as stored, decrypted with the data source's keys (tests that
 * checked the plaintext columns read them here now). `where` filters `statistician s`.
 */
export async function storedPersonalData(
  dataSource: DataSource,
  where = "",
  params: unknown[] = [],
): Promise<{ id: string; idNumber: string; phone: string | null }[]> {
  const found: { id: string; idNumberCipher: string; phoneCipher: string | null }[] = await dataSource.query(
    `SELECT s.id, s.id_number_cipher AS "idNumberCipher", s.phone_cipher AS "phoneCipher" FROM statistician s ${where} ORDER BY s.id`,
    params,
  );
  const rows = rowsOf(dataSource);
  return found.map((r) => {
    const { idNumber, phone } = rows.toStatistician({ ...r, idNumberHash: "" } as never);
    return { id: r.id, idNumber, phone };
  });
}
