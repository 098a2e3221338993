import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";

/**
 * SQL spans from node-postgres. Registered when the kit loads — before `pg` is first required (the
 * outbox relay's import of it, or TypeORM's driver at DataSource creation), since the hook patches
 * the module as it loads. Statement text only: values (ID numbers, phones) never go into a span.
 * Only inside a trace (`requireParentSpan`): the relay's polls and the pool's checks make none.
 */
export const sqlInstrumentation = new PgInstrumentation({
  requireParentSpan: true,
  enhancedDatabaseReporting: false,
  ignoreConnectSpans: true,
});

registerInstrumentations({ instrumentations: [sqlInstrumentation] });
