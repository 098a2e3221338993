import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Gender, ProfessionalTitle, Statistician } from "../../domain/statistician";

/** `statistician` (migration Personnel1764300000000, names from ActorNames1764400000000). */
@Entity("statistician")
export class StatisticianEntity implements Statistician {
  @PrimaryColumn("uuid") id: string;
  @Column("text") name: string;
  @Column("text") gender: Gender;
  @Column({ type: "text", nullable: true }) ethnicity: string | null;
  @Column({ name: "id_number", type: "char", length: 18 }) idNumber: string;
  @Column({ name: "birth_date", type: "date" }) birthDate: string;
  @Column({ type: "text", nullable: true }) phone: string | null;
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
