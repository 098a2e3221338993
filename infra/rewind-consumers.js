#!/usr/bin/env node
// After a restore (infra/restore.sh): moves a service's Kafka consumer groups back to where its
// restored database stood, so the service consumes again what it had consumed after the backup was
// taken (the group's committed offsets are in Kafka, and ran on; the restored inbox did not).
//
//   DATABASE_URL=<restored database> KAFKA_BROKERS=host:port[,…] [KAFKA_TOPIC_PREFIX=…] \
//     node infra/rewind-consumers.js
//
// For each consumer group the inbox names and each partition the group has an offset for: the
// offset after the last event the restored inbox holds there, or the partition's start when it holds
// none; never forward of the committed offset. Rewinding is safe: the inbox drops events already
// handled. The service must be stopped (Kafka refuses to move the offsets of a group with members).
"use strict";
const { resolve } = require("node:path");

const from = { paths: [resolve(__dirname, "../packages/events")] };
const { Client } = require(require.resolve("pg", from));
const { Kafka, logLevel } = require(require.resolve("kafkajs", from));

// A crashed instance stays a member until its session times out (30 s by default): wait for that.
async function untilEmpty(admin, groupId) {
  const deadline = Date.now() + Number(process.env.REWIND_WAIT_MS ?? 60_000);
  for (let said = false; ; said = true) {
    const { groups } = await admin.describeGroups([groupId]);
    const state = groups[0]?.state;
    if (!groups[0]?.members.length || state === "Empty" || state === "Dead") return;
    if (Date.now() > deadline)
      throw new Error(`group ${groupId} still has members (${state}): stop the service first`);
    if (!said)
      console.log(
        `[restore] waiting for ${groupId} to have no members (a stopped instance leaves within its session timeout)`,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  const { DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX = "" } = process.env;
  if (!DATABASE_URL || !KAFKA_BROKERS) throw new Error("DATABASE_URL and KAFKA_BROKERS are required");
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  let rows;
  try {
    ({ rows } = await db.query(
      `SELECT consumer, topic, kafka_partition AS partition, max(kafka_offset::bigint) AS last
         FROM inbox GROUP BY consumer, topic, kafka_partition`,
    ));
  } finally {
    await db.end();
  }
  const last = new Map(rows.map((r) => [`${r.consumer}\t${r.topic}\t${r.partition}`, BigInt(r.last)]));
  const consumers = [...new Set(rows.map((r) => r.consumer))];
  const kafka = new Kafka({
    clientId: "rewind-consumers",
    brokers: KAFKA_BROKERS.split(","),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const consumer of consumers) {
      const groupId = `${KAFKA_TOPIC_PREFIX}${consumer}`;
      await untilEmpty(admin, groupId);
      const committed = await admin.fetchOffsets({ groupId });
      for (const { topic, partitions } of committed) {
        const starts = new Map(
          (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.low)]),
        );
        const moves = [];
        for (const { partition, offset } of partitions) {
          const held = last.get(`${consumer}\t${topic}\t${partition}`);
          const target = held === undefined ? (starts.get(partition) ?? 0n) : held + 1n;
          const current = BigInt(offset);
          // -1: nothing committed yet (the group starts from the beginning anyway)
          if (current >= 0n && target < current)
            moves.push({ partition, offset: String(target), from: offset });
        }
        if (!moves.length) continue;
        await admin.setOffsets({
          groupId,
          topic,
          partitions: moves.map(({ partition, offset }) => ({ partition, offset })),
        });
        for (const m of moves)
          console.log(`[restore] ${groupId} ${topic}[${m.partition}]: offset ${m.from} → ${m.offset}`);
      }
    }
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(`[restore] ERROR: rewinding the consumer groups failed: ${error.message}`);
  process.exit(1);
});
