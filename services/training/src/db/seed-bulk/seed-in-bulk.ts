import type { DataSource } from "typeorm";
import type { SeedReads, TrainingServices } from "../../domain/ports";
import { planSeed, seedSessionIn, type SeedReport } from "../../domain/seed/seed";
import type { SampleSession } from "../../domain/seed/sample-sessions";
import { flushChunk } from "./flush";
import { stageChunk } from "./staged-transaction";

/** Enrolments per transaction (a chunk closes after the session that reaches it). */
export const BULK_CHUNK_ENROLMENTS = 5000;

/**
 * seedTraining (domain/seed/seed.ts) for a national tree: the same sessions through the same commands,
 * but a chunk of sessions per transaction, staged in memory and written set-wise (flush.ts), so a chunk
 * costs a few dozen statements instead of several per enrolment. Same report; sessions a previous run
 * seeded are skipped whole, as the row-by-row seed skips them.
 */
export async function seedTrainingInBulk(
  dataSource: DataSource,
  services: TrainingServices,
  reads: SeedReads,
  onProgress?: (done: number, total: number) => void,
  chunkEnrolments = BULK_CHUNK_ENROLMENTS,
): Promise<SeedReport> {
  const { year, sessions, existing } = await planSeed(services, reads);
  const report: SeedReport = {
    year,
    sessions: 0,
    alreadyThere: existing.size,
    enrollments: 0,
    results: 0,
    certificates: 0,
  };
  const todo = sessions.filter((s) => !existing.has(s.id));
  const chunks: SampleSession[][] = [];
  let size = Infinity;
  for (const session of todo) {
    if (size >= chunkEnrolments) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(session);
    size += Math.max(1, session.participants.length);
  }
  let done = existing.size;
  for (const chunk of chunks) {
    await dataSource.transaction(async (manager) => {
      const staged = await stageChunk(
        manager,
        chunk.flatMap((s) => s.participants),
      );
      for (const session of chunk) {
        const seeded = await seedSessionIn(staged.tx, services, session);
        report.sessions++;
        report.enrollments += session.participants.length;
        report.results += seeded.results;
        report.certificates += seeded.certificates;
      }
      await flushChunk(manager, staged);
    });
    done += chunk.length;
    onProgress?.(done, sessions.length);
  }
  return report;
}
