import type { Logger } from "@grassroots/kit";
import type { Admin, Kafka } from "kafkajs";
import { dlqTopicOf } from "../contracts/contract";
import { startPeriodicTasks } from "../runtime/periodic-task";
import { consumerLag, deadLetterTopicMessages } from "./consumer-metrics";

/** A consumer group as the metrics name it (the wiring's groupId) and as Kafka does (behind the prefix). */
export interface WatchedGroup {
  groupId: string;
  kafkaGroupId: string;
  /** The topics it consumes, as Kafka names them. */
  topics: string[];
}

export interface ConsumerLagWatch {
  /** Asks the broker once (tests call it; the timer does otherwise). */
  sample(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every `everyMs` (15 s), asks the broker for each group's committed offsets and each topic's
 * watermarks: the lag per partition, and how many copies each of those topics' `.dlq` holds. From
 * the broker rather than from the consumer's batches, so a consumer that is stuck or stopped still
 * shows its lag growing. Labels are bounded by the contracts' topics and their partitions.
 */
export function watchConsumerLag(
  kafka: Kafka,
  groups: WatchedGroup[],
  logger: Logger,
  everyMs = 15_000,
): ConsumerLagWatch {
  let admin: Admin | undefined;

  const connected = async (): Promise<Admin> => {
    if (admin) return admin;
    const fresh = kafka.admin();
    await fresh.connect();
    return (admin = fresh);
  };

  const sampleGroup = async (
    client: Admin,
    group: WatchedGroup,
    watermarks: (topic: string) => Promise<Map<number, { high: bigint; low: bigint }>>,
  ) => {
    const committed = await client.fetchOffsets({ groupId: group.kafkaGroupId, topics: group.topics });
    for (const { topic, partitions } of committed) {
      const end = await watermarks(topic);
      for (const { partition, offset } of partitions) {
        const marks = end.get(partition);
        if (!marks) continue;
        // -1: nothing committed yet; the group reads from the beginning (fromBeginning), so all retained is behind.
        const from = BigInt(offset) >= 0n ? BigInt(offset) : marks.low;
        const lag = marks.high > from ? marks.high - from : 0n;
        consumerLag.set({ group: group.groupId, topic, partition: String(partition) }, Number(lag));
      }
    }
  };

  const sample = async () => {
    const client = await connected();
    let failure: unknown;
    try {
      const ends = new Map<string, Map<number, { high: bigint; low: bigint }>>();
      const watermarks = async (topic: string) => {
        if (!ends.has(topic)) {
          const offsets = await client.fetchTopicOffsets(topic);
          ends.set(
            topic,
            new Map(offsets.map((p) => [p.partition, { high: BigInt(p.high), low: BigInt(p.low) }])),
          );
        }
        return ends.get(topic)!;
      };
      // One group's failure (its new topic's metadata not loaded yet) must not leave the others unmeasured.
      for (const group of groups) {
        try {
          await sampleGroup(client, group, watermarks);
        } catch (error) {
          failure ??= error;
        }
      }
      const existing = new Set(await client.listTopics());
      const dlqs = new Set(groups.flatMap((g) => g.topics.map(dlqTopicOf)).filter((t) => existing.has(t)));
      for (const dlq of dlqs) {
        let depth = 0n;
        for (const { high, low } of (await watermarks(dlq)).values()) depth += high - low;
        deadLetterTopicMessages.set({ topic: dlq }, Number(depth));
      }
      if (failure) throw failure;
    } catch (error) {
      // A broken admin (the broker went away) is replaced at the next sample.
      admin = undefined;
      await client.disconnect().catch(() => undefined);
      throw error;
    }
  };

  // A sample that fails (the broker away, a topic's metadata not loaded yet) is tried at the next
  // tick; quietly, since the broker's own outage is told elsewhere.
  const tasks = startPeriodicTasks(
    [
      {
        name: "consumer lag",
        everyMs,
        run: () =>
          sample().catch((error: unknown) =>
            logger.debug({ err: error }, "consumer lag not measured; tried again later"),
          ),
      },
    ],
    logger,
  );
  return {
    sample,
    async stop() {
      await tasks.stop();
      await admin?.disconnect().catch(() => undefined);
      admin = undefined;
    },
  };
}
