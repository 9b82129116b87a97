/**
 * Everything a boot needs before any postgres starts: the data directory and
 * its lock, free disk, credentials, TLS, binaries, and the fleet state (read,
 * migrated, or planned afresh). Refuses with a message that says what to do.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statfsSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import type { Fleet } from "../../fleet";
import type { EngineConfig } from "../config";
import type { Progress } from "../log";
import { locateBinaries } from "../pg/binaries";
import { ensureCredentials, type FleetCredentials } from "../pg/credentials";
import { unreachableAncestor } from "../pg/reachability";
import { resolveRunAs } from "../pg/run-as";
import { ensureFleetTls } from "../pg/tls";
import { instanceArn } from "./db-instance-arn";
import { EngineError } from "./engine-instance";
import { EventLog } from "./event-log";
import { planFleet } from "./fleet-plan";
import { type FleetState, readState, statePath } from "./fleet-state";
import { acquireEngineLock } from "./lock";
import type { NodeContext } from "./runtime-node";

export type Prepared = {
  ctx: NodeContext;
  credentials: FleetCredentials;
  events: EventLog;
  engineVersion: string;
  state: FleetState;
  releaseLock: () => void;
};

/** `onLocked` receives the lock's release as soon as it is held, so a failure after it still releases it. */
export async function prepareDataDir(
  config: EngineConfig,
  fleet: Fleet,
  log: pino.Logger,
  progress: Progress,
  now: Date,
  onLocked: (release: () => void) => void,
): Promise<Prepared> {
  const { dataDir } = config;
  const runAs = resolveRunAs(config.pgUser);
  // Root's postgres account must traverse to its node directories, but needs no listing.
  const dirMode = runAs ? 0o711 : 0o700;
  mkdirSync(dataDir, { recursive: true, mode: dirMode });
  mkdirSync(path.join(dataDir, "nodes"), { recursive: true, mode: dirMode });
  mkdirSync(path.join(dataDir, "logs"), { recursive: true, mode: 0o755 });
  if (runAs) {
    chmodSync(dataDir, dirMode);
    chmodSync(path.join(dataDir, "nodes"), dirMode);
    const blocked = unreachableAncestor(path.join(dataDir, "nodes", "x"), runAs);
    if (blocked) {
      throw new EngineError(
        `Running as root, postgres runs as "${runAs.name}", which cannot reach ${blocked} (its permissions deny it). ` +
          "Set RDSDECK_DATA_DIR to a directory outside it, e.g. under /var/lib.",
      );
    }
  }
  const releaseLock = acquireEngineLock(dataDir);
  onLocked(releaseLock);
  const free = statfsSync(dataDir);
  const freeMb = Math.floor((free.bavail * free.bsize) / 1024 ** 2);
  if (freeMb < config.minFreeMb) {
    throw new EngineError(
      `The disk holding ${dataDir} is full or nearly so: ${freeMb} MB free, the fleet needs at least ${config.minFreeMb} MB ` +
        "for its data and WAL (RDSDECK_MIN_FREE_MB). Free some space and start again; nothing was changed.",
    );
  }
  const credentials = ensureCredentials(dataDir, fleet.masterUsername);
  const events = new EventLog(dataDir, (type, id) => instanceArn(fleet, type, id), log);
  const tls = await ensureFleetTls(dataDir);
  const bin = locateBinaries(dataDir, runAs);
  const ctx: NodeContext = { dataDir, host: config.host, bin, runAs, tls, credentials };

  const existing = readState(dataDir, fleet);
  const major = bin.version.split(".")[0] ?? "";
  let state: FleetState;
  if (existing?.complete) {
    // Any instance's node tells the major on disk; a fleet whose every instance was deleted has none to ask.
    const first = existing.instances[0];
    const versionFile = first ? path.join(dataDir, "nodes", first.node.name, "PG_VERSION") : undefined;
    const onDisk = !versionFile
      ? major
      : existsSync(versionFile)
        ? readFileSync(versionFile, "utf8").trim()
        : "missing";
    if (existing.pgMajor !== major || onDisk !== major) {
      throw new EngineError(
        `The data directory ${dataDir} holds a PostgreSQL ${onDisk} fleet, but this rdsdeck runs PostgreSQL ${major}. ` +
          "Nothing was changed. Use another RDSDECK_DATA_DIR, or delete it with npm run fleet:reset.",
      );
    }
    state = existing;
  } else {
    if (existing || existsSync(statePath(dataDir))) {
      progress("a previous first boot did not finish: rebuilding the fleet from scratch");
    }
    state = planFleet(fleet, config, major, now);
  }
  return { ctx, credentials, events, engineVersion: bin.version, state, releaseLock };
}
