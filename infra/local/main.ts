/**
 * `npm run fleet`: runs the local fleet and its AWS API in the foreground until
 * Ctrl-C / SIGTERM, or until the launcher that started it goes away.
 */
import { defineFleet } from "../fleet";
import { loadEngineConfig } from "./config";
import { fleetEnv } from "./fleet-env";
import { startLocalFleet } from "./local-fleet";
import { createEngineLogger, terminalProgress } from "./log";

async function main(): Promise<void> {
  const config = loadEngineConfig();
  const fleet = defineFleet();
  const log = createEngineLogger(config.dataDir);
  terminalProgress(`data directory ${config.dataDir}`);
  const local = await startLocalFleet(config, fleet, log, terminalProgress, { store: true });

  let exiting = false;
  const shutdown = async (why: string) => {
    if (exiting) return;
    exiting = true;
    terminalProgress(`${why}: stopping replicas, writer, standby, store`);
    await local.stop();
    terminalProgress("stopped");
    log.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // npm run fleet:backup: the automated backup now, whatever the backup window.
  process.on("SIGUSR2", () => {
    const run = local.engine.backups.backupNow(local.engine.now());
    for (const id of run.started) terminalProgress(`automated backup requested: ${id}`);
    for (const s of run.skipped) terminalProgress(`!! automated backup of ${s.instanceId} not started: ${s.why}`);
  });
  // Started by the launcher with an IPC channel: if the launcher dies (even by SIGKILL), the channel closes.
  process.on("disconnect", () => void shutdown("launcher gone"));

  const { info } = local;
  const lines = [
    "",
    "Local fleet ready",
    ...info.endpoints.map((e) => `  ${e.role.padEnd(7)} ${e.id.padEnd(28)} ${e.host}:${e.port}`),
    `  RDS/CloudWatch API ${info.apiUrl} (region ${info.region})`,
    ...(info.store
      ? [`  rdsdeck store      ${info.store.host}:${info.store.port} (users, sessions, API keys, audit)`]
      : []),
    `  credentials        ${info.credentialsPath}`,
    `  CA certificate     ${info.caCertPath}`,
    '  environment        eval "$(npm run -s fleet:env)"',
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  process.send?.({ type: "ready", info, env: fleetEnv(info, local.engine.credentials) });
}

main().catch((error: Error) => {
  process.stderr.write(`\nThe local fleet could not start: ${error.message}\n`);
  process.exit(1);
});
