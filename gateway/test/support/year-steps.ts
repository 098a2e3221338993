import { readTopicWithKcat, testKafka } from "@grassroots/testing";
import { chinaDay } from "./ordos-suite";

// What the year's end-to-end file needs beside the Ordos suite: the year's calendar (the cut-off of
// the city's assessment is today, so the year is the current one), each step's time, and the check
// an integrator would run over every topic of the suite's prefix.

/** The current business year in China and its n-th day (0 = 1 January). */
export const YEAR = Number(chinaDay().slice(0, 4));
export const dayOfYear = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + n)).toISOString().slice(0, 10);
/** Days of the year gone by today (China time). */
export const ELAPSED = Math.round(
  (Date.parse(`${chinaDay()}T00:00:00Z`) - Date.UTC(YEAR, 0, 1)) / 86_400_000,
);
/** The k-th of n due dates spread over the part of the year gone by (all before today). */
export const spreadDue = (k: number, n: number) => dayOfYear(Math.floor((ELAPSED * k) / (n + 1)));
/** `days` after a YYYY-MM-DD date. */
export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Hundredths (an integer, as evaluation and the API's "87.50" strings carry them) ↔ text. */
export const hundredths = (n: number) =>
  `${Math.trunc(n / 100)}.${String(Math.abs(n % 100)).padStart(2, "0")}`;
/** Integer fen (BIGINT as pg returns it) → the API's yuan string, without a float. */
export const yuan = (fen: string | number | bigint) => {
  const f = BigInt(fen);
  return `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
};
/** The API's yuan string → integer fen, without a float. */
export const fen = (amount: string) => {
  const [whole, cents = "0"] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(cents.padEnd(2, "0"));
};

/** Times each step of the year and the whole year (printed with console.log). */
export class YearClock {
  private readonly start = Date.now();
  readonly steps: [string, number][] = [];
  async step<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await run();
    } finally {
      this.steps.push([name, Date.now() - started]);
      // eslint-disable-next-line no-console
      console.log(`year step ${name}: ${Date.now() - started} ms`);
    }
  }
  report(): string {
    const lines = this.steps.map(([name, ms]) => `  ${name.padEnd(34)} ${String(ms).padStart(7)} ms`);
    return [`the year end to end: ${Date.now() - this.start} ms`, ...lines].join("\n");
  }
}

/**
 * An 18-character resident ID number or an 11-digit mainland mobile number standing on its own: not
 * part of a longer run of letters and digits (a UUID's last group, "…-17907724425b", is not a phone),
 * while one inside Chinese text ("电话13912345678") still is.
 */
export const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/;
export const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

export interface TopicReading {
  topic: string;
  messages: { key: string; headers: Record<string, string>; value: string }[];
}

/** Every topic of the prefix read from the beginning with kcat, as an outside integrator reads them. */
export async function readEveryTopic(prefix: string): Promise<TopicReading[]> {
  const admin = testKafka().admin();
  await admin.connect();
  let topics: string[];
  try {
    topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
  } finally {
    await admin.disconnect();
  }
  // a few kcat processes at a time: one per topic in turn takes half a minute on a busy machine
  const readings: TopicReading[] = [];
  for (let i = 0; i < topics.length; i += 6)
    readings.push(
      ...(await Promise.all(
        topics.slice(i, i + 6).map(async (topic) => ({ topic, messages: await readTopicWithKcat(topic) })),
      )),
    );
  return readings;
}

/**
 * What is wrong with a message as a CloudEvent in Kafka's binary mode (specversion 1.0, id, source,
 * type, time, JSON content type, a JSON object as data) or as a carrier of personal data; empty when
 * nothing is.
 */
export function cloudEventProblems(message: TopicReading["messages"][number]): string[] {
  const h = message.headers;
  const problems: string[] = [];
  if (h.ce_specversion !== "1.0") problems.push(`ce_specversion ${h.ce_specversion}`);
  if (!/^[0-9a-f-]{36}$/.test(h.ce_id ?? "")) problems.push(`ce_id ${h.ce_id}`);
  if (!/^\/grassroots\/[a-z-]+$/.test(h.ce_source ?? "")) problems.push(`ce_source ${h.ce_source}`);
  if (!/^[a-z][\w.-]+$/i.test(h.ce_type ?? "")) problems.push(`ce_type ${h.ce_type}`);
  if (!h.ce_time || Number.isNaN(Date.parse(h.ce_time)) || !/^\d{4}-\d{2}-\d{2}T/.test(h.ce_time))
    problems.push(`ce_time ${h.ce_time}`);
  if (!/^application\/json/.test(h["content-type"] ?? "")) problems.push(`content-type ${h["content-type"]}`);
  try {
    const data = JSON.parse(message.value);
    if (data === null || typeof data !== "object") problems.push("data is not a JSON object");
  } catch {
    problems.push("data is not JSON");
  }
  const everything = [message.key, ...Object.entries(h).flat(), message.value];
  for (const text of everything) {
    if (ID_NUMBER.test(text)) problems.push(`an ID number in ${text.slice(0, 80)}`);
    if (MOBILE.test(text)) problems.push(`a mobile number in ${text.slice(0, 80)}`);
  }
  return problems;
}

/**
 * Reads until `done` holds of what was read (bounded), then returns it; on timeout the error shows the
 * last reading, so a projection that never caught up says where it stopped.
 */
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last read: ${JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
