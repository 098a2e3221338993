import { Column, Entity, PrimaryColumn } from "typeorm";

/** `idempotency_key`: a client requestId, the hash of its input and the id of what it produced. */
@Entity("idempotency_key")
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: "request_id", type: "text" }) requestId: string;
  @Column("text") operation: string;
  @Column({ name: "actor_id", type: "text" }) actorId: string;
  @Column("text") fingerprint: string;
  @Column({ name: "result_id", type: "uuid", nullable: true }) resultId: string | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
