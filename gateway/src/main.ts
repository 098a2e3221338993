import { createLogger, loadConfigOrExit, onShutdown, runMain, startTracing } from "@grassroots/kit";
import { gatewayEnvSchema } from "./config";
import { startGatewayServer } from "./server/gateway-server";
import { supergraphSource } from "./supergraph/supergraph-source";

// Wiring only: config → supergraph → server → shutdown.
const config = loadConfigOrExit(gatewayEnvSchema);
const logger = createLogger("gateway", config.LOG_LEVEL);

runMain(logger, async () => {
  const tracing = startTracing("gateway", config);
  const gateway = await startGatewayServer({ config, logger, supergraph: supergraphSource(config) });
  onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, () => [
    {
      name: "readiness",
      stop: async () => {
        // Fail the readiness probe first so the load balancer stops routing here, then drain.
        gateway.setDraining();
      },
    },
    { name: "http", stop: () => gateway.stop() },
    // Last: the drained requests' spans are sent too.
    { name: "tracing", stop: () => tracing.stop() },
  ]);
});
