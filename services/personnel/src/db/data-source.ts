import { OutboxAndInbox1764100000000 } from "@grassroots/events";
import { createDataSource } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { Personnel1764300000000 } from "./migrations/1764300000000-personnel";
import { ActorNames1764400000000 } from "./migrations/1764400000000-actor-names";

/** In order; the outbox/inbox tables come from @grassroots/events. Repositories use SQL, no entities. */
export const migrations = [OutboxAndInbox1764100000000, Personnel1764300000000, ActorNames1764400000000];

export function createPersonnelDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities: [], migrations, applicationName: "personnel" });
}
