import type { Statistician } from "../../domain/statistician";
import type { PersonalDataCipher } from "../../personal-data/cipher";
import type { StatisticianEntity } from "../entities/statistician.entity";

/** What the stored row holds instead of the ID number and phone. */
export type SealedPersonalData = Pick<StatisticianEntity, "idNumberCipher" | "idNumberHash" | "phoneCipher">;
export type StatisticianRow = Omit<Statistician, "idNumber" | "phone"> & SealedPersonalData;

// Each value is bound to its column and row (authenticated, not encrypted): moved elsewhere, it is refused.
export const idNumberContext = (id: string) => `statistician.id_number:${id}`;
export const phoneContext = (id: string) => `statistician.phone:${id}`;
const ID_NUMBER = "id_number";

/** The statistician row ↔ the domain's Statistician: personal data sealed on the way in, opened on the way out. */
export class StatisticianRows {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /** The keyed hash an ID number is unique and looked up by. */
  idNumberHash(idNumber: string): string {
    return this.cipher.hash(idNumber, ID_NUMBER);
  }

  sealIdNumber(id: string, idNumber: string): Pick<SealedPersonalData, "idNumberCipher" | "idNumberHash"> {
    return {
      idNumberCipher: this.cipher.encrypt(idNumber, idNumberContext(id)),
      idNumberHash: this.idNumberHash(idNumber),
    };
  }

  sealPhone(id: string, phone: string | null): string | null {
    return phone === null ? null : this.cipher.encrypt(phone, phoneContext(id));
  }

  /**
   * The ID number and phone are opened when first read, not per row: a list of 500 statisticians
   * mostly shows names and posts, and each opening is an AES-GCM decryption (a tenth of personnel's
   * CPU in the fan-out). A value that fails authentication still fails, when it is read.
   */
  toStatistician(row: StatisticianRow): Statistician {
    const { idNumberCipher, idNumberHash: _hash, phoneCipher, ...rest } = row;
    const opened: { idNumber?: string | null; phone?: string | null } = {};
    const open = {
      idNumber: () => this.cipher.decrypt(idNumberCipher, idNumberContext(row.id)),
      phone: () => (phoneCipher === null ? null : this.cipher.decrypt(phoneCipher, phoneContext(row.id))),
    };
    const lazy = (name: keyof typeof open): PropertyDescriptor => ({
      enumerable: true,
      configurable: true,
      get: () => (name in opened ? opened[name] : (opened[name] = open[name]())),
      set: (value: string | null) => {
        opened[name] = value;
      },
    });
    return Object.defineProperties(rest, {
      idNumber: lazy("idNumber"),
      phone: lazy("phone"),
    }) as Statistician;
  }
}
