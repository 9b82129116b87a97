/**
 * The whole local RDS: the fleet engine plus the AWS-compatible API in front
 * of it. Used by `npm run fleet`, by the `npm start` launcher (as a child
 * process) and by integration tests (in-process, on temporary directories).
 */
import type pino from "pino";
import type { Fleet } from "../fleet";
import { createAwsApiServer } from "./api/server";
import type { EngineConfig } from "./config";
import { FleetEngine } from "./engine/fleet-engine";
import { engineRdsBackend } from "./engine-rds-backend";
import type { Progress } from "./log";
import { type Monitoring, startMonitoring } from "./monitoring/start-monitoring";
import { credentialsPath } from "./pg/credentials";
import { clearRuntimeInfo, type RuntimeInfo, writeRuntimeInfo } from "./runtime-info";
import { type LocalStore, startLocalStore } from "./store/local-store";

export type LocalFleet = {
  engine: FleetEngine;
  /** rdsdeck's own store, when asked for (npm start, npm run fleet); never part of the RDS fleet. */
  store: LocalStore | undefined;
  monitoring: Monitoring;
  info: RuntimeInfo;
  stop(): Promise<void>;
};

export async function startLocalFleet(
  config: EngineConfig,
  fleet: Fleet,
  log: pino.Logger,
  progress?: Progress,
  options: { store?: boolean } = {},
): Promise<LocalFleet> {
  const engine = new FleetEngine(config, fleet, log, progress);
  await engine.start();
  let store: LocalStore | undefined;
  try {
    if (options.store) {
      store = await startLocalStore({
        dataDir: config.dataDir,
        host: config.host,
        port: config.storePort,
        pgUser: config.pgUser,
        credentials: engine.credentials,
        log,
        progress,
      });
    }
  } catch (error) {
    await engine.stop();
    throw error;
  }
  const monitoring = await startMonitoring({ engine, fleet, dataDir: config.dataDir, logger: log }).catch(
    async (error) => {
      await store?.stop();
      await engine.stop();
      throw error;
    },
  );
  const api = createAwsApiServer({
    host: config.apiHost,
    port: config.apiPort,
    region: fleet.region,
    credentials: engine.credentials.aws,
    logger: log,
    rds: engineRdsBackend(engine, fleet),
    cloudwatch: monitoring.cloudwatch,
    performanceInsights: monitoring.performanceInsights,
  });
  let apiUrl: string;
  try {
    apiUrl = (await api.listen()).url;
  } catch (error) {
    await monitoring.stop();
    await engine.stop();
    await store?.stop();
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
    store: store ? { host: store.host, port: store.port } : undefined,
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
    store,
    monitoring,
    info,
    stop: () => {
      stopping ??= (async () => {
        engine.onStateSaved = undefined;
        clearRuntimeInfo(config.dataDir);
        await api.close();
        await monitoring.stop();
        await engine.stop();
        // Last: sign-in and the audit keep working while the fleet stops.
        await store?.stop();
      })();
      return stopping;
    },
  };
}

function endpointsOf(engine: FleetEngine): RuntimeInfo["endpoints"] {
  return engine.instances().map((i) => ({ id: i.id, role: i.kind, host: i.endpoint.host, port: i.endpoint.port }));
}
