import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Gender, ProfessionalTitle } from "../../domain/statistician";

/**
 * `statistician` (migration Personnel1764300000000, names from ActorNames1764400000000, personal data
 * encrypted by PersonalDataAtRest1764800000000). The row, not the domain's Statistician: the ID number
 * and phone are stored encrypted (and the ID number's keyed hash); statistician.rows.ts maps the two.
 */
@Entity("statistician")
export class StatisticianEntity {
  @PrimaryColumn("uuid") id: string;
  @Column("text") name: string;
  @Column("text") gender: Gender;
  @Column({ type: "text", nullable: true }) ethnicity: string | null;
  @Column({ name: "id_number_cipher", type: "text" }) idNumberCipher: string;
  @Column({ name: "id_number_hash", type: "char", length: 64 }) idNumberHash: string;
  @Column({ name: "birth_date", type: "date" }) birthDate: string;
  @Column({ name: "phone_cipher", type: "text", nullable: true }) phoneCipher: string | null;
  @Column({ type: "text", nullable: true }) education: string | null;
  @Column({ type: "text", nullable: true }) title: ProfessionalTitle | null;
  @Column({ type: "text", nullable: true }) notes: string | null;
  @Column({ name: "registered_at_id", type: "uuid" }) registeredAtId: string;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column("integer") version: number;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text", nullable: true }) createdByName: string | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
