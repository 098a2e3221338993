import { createClientRequestTable, dropClientRequestTable } from "@grassroots/kit";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 9: mutations a client may retry take an optional client requestId; the first request's id,
 * input hash and result are kept in `idempotency_key` (the kit's table, the shape personnel has).
 */
export class ClientRequests1764300003000 implements MigrationInterface {
  name = "ClientRequests1764300003000";

  async up(q: QueryRunner): Promise<void> {
    await createClientRequestTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropClientRequestTable(q);
  }
}
