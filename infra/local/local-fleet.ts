/**
 * The whole local RDS: the fleet engine plus the AWS-compatible API in front
 * of it. Used by `npm run fleet`, by the `npm start` launcher (as a child
 * process) and by integration tests (in-process, on temporary directories).
 */
import type pino from "pino";
import type { Fleet } from "../fleet.js";
import { createAwsApiServer } from "./api/server.js";
import type { EngineConfig } from "./config.js";
import { FleetEngine } from "./engine/fleet-engine.js";
import { engineRdsBackend } from "./engine-rds-backend.js";
import type { Progress } from "./log.js";
import { type Monitoring, startMonitoring } from "./monitoring/start-monitoring.js";
import { credentialsPath } from "./pg/credentials.js";
import { clearRuntimeInfo, type RuntimeInfo, writeRuntimeInfo } from "./runtime-info.js";

export type LocalFleet = {
  engine: FleetEngine;
  monitoring: Monitoring;
  info: RuntimeInfo;
  stop(): Promise<void>;
};

export async function startLocalFleet(
  config: EngineConfig,
  fleet: Fleet,
  log: pino.Logger,
  progress?: Progress,
): Promise<LocalFleet> {
  const engine = new FleetEngine(config, fleet, log, progress);
  await engine.start();
  const monitoring = await startMonitoring({ engine, fleet, dataDir: config.dataDir, logger: log }).catch(
    async (error) => {
      await engine.stop();
      throw error;
    },
  );
  const api = createAwsApiServer({
    host: config.host,
    port: config.apiPort,
    region: fleet.region,
    credentials: engine.credentials.aws,
    logger: log,
    rds: engineRdsBackend(engine, fleet),
    cloudwatch: monitoring.cloudwatch,
  });
  let apiUrl: string;
  try {
    apiUrl = (await api.listen()).url;
  } catch (error) {
    await monitoring.stop();
    await engine.stop();
    throw error;
  }
  const info: RuntimeInfo = {
    pid: process.pid,
    apiUrl,
    region: fleet.region,
    databaseName: fleet.databaseName,
    caCertPath: `${config.dataDir}/tls/ca.crt`,
    credentialsPath: credentialsPath(config.dataDir),
    endpoints: endpointsOf(engine),
  };
  writeRuntimeInfo(config.dataDir, info);
  // Instances created, promoted or deleted at run time show in engine.json (npm run fleet:env) too.
  engine.onStateSaved = () => {
    try {
      writeRuntimeInfo(config.dataDir, { ...info, endpoints: endpointsOf(engine) });
    } catch (error) {
      log.error({ err: error }, "could not update engine.json");
    }
  };
  let stopping: Promise<void> | undefined;
  return {
    engine,
    monitoring,
    info,
    stop: () => {
      stopping ??= (async () => {
        engine.onStateSaved = undefined;
        clearRuntimeInfo(config.dataDir);
        await api.close();
        await monitoring.stop();
        await engine.stop();
      })();
      return stopping;
    },
  };
}

function endpointsOf(engine: FleetEngine): RuntimeInfo["endpoints"] {
  return engine.instances().map((i) => ({ id: i.id, role: i.kind, host: i.endpoint.host, port: i.endpoint.port }));
}
