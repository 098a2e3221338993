import { systemPolicy } from "../access-policy";
import { completeTrainingSessionIn } from "../commands/complete-training-session";
import { enrollInSessionIn } from "../commands/enroll-in-session";
import { openTrainingSessionIn } from "../commands/open-training-session";
import { planTrainingSessionIn } from "../commands/plan-training-session";
import { recordTrainingResultsIn } from "../commands/record-training-results";
import type { SeedReads, TrainingServices, Transaction } from "../ports";
import { sampleSessions, type SampleSession } from "./sample-sessions";

export interface SeedReport {
  year: number;
  sessions: number;
  alreadyThere: number;
  enrollments: number;
  results: number;
  certificates: number;
}

const ACTOR = "seed";

// Every command of one session in the same transaction (their `In` forms): a session is seeded whole, or not at all.
const seedSession = (services: TrainingServices, session: SampleSession) =>
  services.uow.run((tx) => seedSessionIn(tx, services, session));

/** One sample session through the API's commands, in the caller's transaction (the bulk seed stages it). */
export async function seedSessionIn(
  tx: Transaction,
  services: Pick<TrainingServices, "clock" | "passRule">,
  session: SampleSession,
): Promise<{ results: number; certificates: number }> {
  const { clock, passRule } = services;
  const policy = systemPolicy(ACTOR);
  const planned = await planTrainingSessionIn(tx, policy, {
    ...session,
    organizerUnitId: session.organizer.id,
  });
  let current = await openTrainingSessionIn(tx, policy, clock, {
    id: planned.id,
    expectedVersion: planned.version,
  });
  for (const statisticianId of session.participants)
    await enrollInSessionIn(tx, policy, clock, { sessionId: current.id, statisticianId });
  if (session.endDate > clock.today()) return { results: 0, certificates: 0 }; // still ahead: stays OPEN
  current = await completeTrainingSessionIn(tx, policy, clock, {
    id: current.id,
    expectedVersion: current.version,
  });
  if (session.participants.length === 0) return { results: 0, certificates: 0 };
  const rows = session.participants.map((statisticianId) => ({
    statisticianId,
    ...session.outcome(statisticianId),
  }));
  const recorded = await recordTrainingResultsIn(tx, policy, clock, passRule, {
    sessionId: current.id,
    rows,
  });
  return { results: recorded.length, certificates: recorded.filter((r) => r.certificate).length };
}

/** The year's sample sessions and which of them a previous run already seeded. */
export async function planSeed(
  services: Pick<TrainingServices, "clock" | "passRule">,
  reads: SeedReads,
): Promise<{ year: number; sessions: SampleSession[]; existing: Set<string> }> {
  const year = Number(services.clock.today().slice(0, 4));
  const [bureaus, staff] = await Promise.all([reads.bureaus(), reads.staff()]);
  const sessions = sampleSessions(year, bureaus, staff, services.passRule.minAttendancePercent / 100);
  const existing = new Set(await reads.existingSessions(sessions.map((s) => s.id)));
  return { year, sessions, existing };
}

/**
 * A year of sample sessions (the current year) for the bureaus and staff in the projections, through
 * the same commands as the API: passing pre-post results issue certificates and publish the event
 * personnel activates pending appointments on. Idempotent: sessions already there are skipped whole.
 */
export async function seedTraining(
  services: TrainingServices,
  reads: SeedReads,
  onProgress?: (done: number, total: number) => void,
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
  for (const [i, session] of sessions.entries()) {
    if (!existing.has(session.id)) {
      const done = await seedSession(services, session);
      report.sessions++;
      report.enrollments += session.participants.length;
      report.results += done.results;
      report.certificates += done.certificates;
    }
    onProgress?.(i + 1, sessions.length);
  }
  return report;
}
