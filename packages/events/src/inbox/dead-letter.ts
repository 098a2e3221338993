import { AppError } from "@grassroots/kit";
import type { IHeaders, KafkaMessage } from "kafkajs";
import { PoisonMessage } from "./message-parsing";

/** Why a message went to the DLQ (its `dlq-error-kind` header). */
export type DeadLetterKind = "poison" | "rejected" | "handler-failed";

/** The headers a DLQ copy carries beside the original's, read back by the replay. */
export const DeadLetterHeader = {
  error: "dlq-error",
  kind: "dlq-error-kind",
  attempts: "dlq-attempts",
  group: "dlq-consumer-group",
  topic: "dlq-original-topic",
  partition: "dlq-original-partition",
  offset: "dlq-original-offset",
  failedAt: "dlq-failed-at",
} as const;

export function deadLetterKindOf(error: unknown): DeadLetterKind {
  if (error instanceof PoisonMessage) return "poison";
  return error instanceof AppError ? "rejected" : "handler-failed";
}

/** The original's headers plus why, for which consumer group, and where it came from. */
export function deadLetterHeaders(
  message: KafkaMessage,
  failure: { topic: string; partition: number; error: unknown; attempts: number; group: string },
): IHeaders {
  const { error } = failure;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ...(message.headers ?? {}),
    [DeadLetterHeader.error]: reason.slice(0, 2000),
    [DeadLetterHeader.kind]: deadLetterKindOf(error),
    [DeadLetterHeader.attempts]: String(failure.attempts),
    [DeadLetterHeader.group]: failure.group,
    [DeadLetterHeader.topic]: failure.topic,
    [DeadLetterHeader.partition]: String(failure.partition),
    [DeadLetterHeader.offset]: message.offset,
    [DeadLetterHeader.failedAt]: new Date().toISOString(),
  };
}
