import { systemPolicy } from "../access-policy";
import { enroll } from "../commands/enrollment";
import { planSession } from "../commands/plan-session";
import { recordResults } from "../commands/results";
import { completeSession, openSession } from "../commands/session-lifecycle";
import type { SeedReads, TrainingServices, Transaction, UnitOfWork } from "../ports";
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

/** Runs every command of one session inside the same transaction: a session is seeded whole, or not at all. */
const within = (tx: Transaction): UnitOfWork => ({ run: (work) => work(tx) });

async function seedSession(
  services: TrainingServices,
  session: SampleSession,
): Promise<{ results: number; certificates: number }> {
  const { clock, passRule } = services;
  const policy = systemPolicy(ACTOR);
  return services.uow.run(async (tx) => {
    const uow = within(tx);
    const planned = await planSession(uow, policy, { ...session, organizerUnitId: session.organizer.id });
    let current = await openSession(uow, policy, clock, { id: planned.id, expectedVersion: planned.version });
    for (const statisticianId of session.participants)
      await enroll(uow, policy, clock, { sessionId: current.id, statisticianId });
    if (session.endDate > clock.today()) return { results: 0, certificates: 0 }; // still ahead: stays OPEN
    current = await completeSession(uow, policy, clock, { id: current.id, expectedVersion: current.version });
    if (session.participants.length === 0) return { results: 0, certificates: 0 };
    const rows = session.participants.map((statisticianId) => ({
      statisticianId,
      ...session.outcome(statisticianId),
    }));
    const recorded = await recordResults(uow, policy, clock, passRule, { sessionId: current.id, rows });
    return { results: recorded.length, certificates: recorded.filter((r) => r.certificate).length };
  });
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
  const year = Number(services.clock.today().slice(0, 4));
  const [bureaus, staff] = await Promise.all([reads.bureaus(), reads.staff()]);
  const sessions = sampleSessions(year, bureaus, staff, services.passRule.minAttendancePercent / 100);
  const existing = new Set(await reads.existingSessions(sessions.map((s) => s.id)));
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
