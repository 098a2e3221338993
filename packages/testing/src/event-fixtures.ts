import { orgUnitIdForCode } from "@grassroots/kit";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Producer } from "kafkajs";
import { testKafka } from "@grassroots/test-infra";

/**
 * What a service test needs to play the other services on the real broker: organization's unit states
 * for the Ordos tree, CloudEvents sent as another service's relay sends them, and clean-up of a test
 * file's own topics.
 */

export const ORDOS_CSV = resolve(__dirname, "../../..", "../shared/domain/ordos-divisions.csv");

/** The state of a unit as organization's org-unit events carry it (the contract's shape). */
export interface OrgUnitStateFixture {
  id: string;
  code: string;
  name: string;
  kind:
    | "CITY"
    | "DISTRICT"
    | "BANNER"
    | "SUBDISTRICT"
    | "TOWN"
    | "TOWNSHIP"
    | "SUMU"
    | "PARK"
    | "COMMUNITY"
    | "VILLAGE"
    | "GACHA";
  parentId: string | null;
  path: string;
  postEstablished: boolean;
  registerCount: number | null;
  registerAsOf: string | null;
  active: boolean;
  isSample: boolean;
  version: number;
}

/** A unit's state under `parent` (or at the top), version 1, ids derived from the code as organization does. */
export function unitState(
  parent: Pick<OrgUnitStateFixture, "id" | "path"> | null,
  code: string,
  name: string,
  kind: OrgUnitStateFixture["kind"],
): OrgUnitStateFixture {
  const id = orgUnitIdForCode(code);
  return {
    id,
    code,
    name,
    kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? ""}${id}/`,
    postEstablished: false,
    registerCount: null,
    registerAsOf: null,
    active: true,
    isSample: false,
    version: 1,
  };
}

/** The real Ordos divisions (city, banners, township level) as organization publishes them, parents first. */
export function ordosUnitStates(file = ORDOS_CSV): OrgUnitStateFixture[] {
  const byCode = new Map<string, OrgUnitStateFixture>();
  for (const line of readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1)) {
    const [code, name, kind, parentCode] = line.split(",");
    byCode.set(
      code,
      unitState(parentCode ? byCode.get(parentCode)! : null, code, name, kind as OrgUnitStateFixture["kind"]),
    );
  }
  return [...byCode.values()];
}

export interface CloudEventToSend {
  /** Full topic name (with the test's prefix). */
  topic: string;
  type: string;
  /** e.g. /grassroots/organization */
  source: string;
  key: string;
  data: unknown;
  /** ce_id; a new one unless a redelivery is wanted. */
  id?: string;
}

/** Sends one event as a service's outbox relay does: CloudEvents binary mode, JSON value, aggregate key. */
export async function sendCloudEvent(producer: Producer, event: CloudEventToSend): Promise<string> {
  const id = event.id ?? randomUUID();
  await producer.send({
    topic: event.topic,
    messages: [
      {
        key: event.key,
        value: JSON.stringify(event.data),
        headers: {
          ce_specversion: "1.0",
          ce_id: id,
          ce_source: event.source,
          ce_type: event.type,
          ce_time: new Date().toISOString(),
          ce_subject: event.key,
          "content-type": "application/json",
        },
      },
    ],
  });
  return id;
}

/** Deletes every topic whose name starts with `prefix` (a test file's own topics). */
export async function deleteTopicsWithPrefix(prefix: string, brokers?: string[]): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
