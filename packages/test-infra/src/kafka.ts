import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { Kafka, logLevel, type IHeaders } from "kafkajs";
import { testEnv } from "./env";

export interface TopicMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

export const testKafka = (brokers: string[] = testEnv.kafkaBrokers) =>
  new Kafka({
    clientId: `test-${randomBytes(3).toString("hex")}`,
    brokers,
    logLevel: logLevel.NOTHING,
  });

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export async function createTopics(topics: string[], partitions = 3): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

/**
 * Reads a topic from the beginning with a fresh consumer group until `count` messages arrived, then
 * waits `settleMs` more to catch any extra (so "exactly one" can be asserted).
 */
export async function readTopic(
  topic: string,
  count: number,
  timeoutMs = 30000,
  settleMs = 1000,
): Promise<TopicMessage[]> {
  const consumer = testKafka().consumer({ groupId: uniqueName("test-reader") });
  const messages: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let reached: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: decodeHeaders(message.headers),
          partition,
          offset: message.offset,
        });
        if (messages.length >= count) reached();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([enough, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, settleMs));
    return [...messages];
  } finally {
    await consumer.disconnect();
  }
}

const exec = promisify(execFile);

/**
 * Reads a topic with kcat, a non-JavaScript client, as an outside integrator would. Each line is
 * key, headers and value separated by tabs.
 */
export async function readTopicWithKcat(
  topic: string,
  brokers: string[] = testEnv.kafkaBrokers,
): Promise<{ key: string; headers: Record<string, string>; value: string }[]> {
  const { stdout } = await exec(
    "kcat",
    ["-b", brokers.join(","), "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%k\t%h\t%s\n"],
    { timeout: 30000, maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [key, headerText, ...rest] = line.split("\t");
      const headers: Record<string, string> = {};
      for (const pair of headerText.split(",")) {
        const at = pair.indexOf("=");
        if (at > 0) headers[pair.slice(0, at)] = pair.slice(at + 1);
      }
      return { key, headers, value: rest.join("\t") };
    });
}
