/**
 * An instance's log files, as DescribeDBLogFiles and DownloadDBLogFilePortion
 * see them: those of the node serving it now. After a Multi-AZ failover that
 * is the promoted standby's, as on RDS, where the logs are the new primary
 * host's.
 */
import { listServerLogs, type ServerLogFile } from "../pg/server-log-files";
import type { FleetEngine } from "./fleet-engine";
import { EngineFault } from "./fleet-ops";
import { type LogPortion, readLogPortion } from "./log-portion";

export type LogPortionRequest = { instanceId: string; logFileName: string; marker?: string; numberOfLines?: number };

/** Oldest first; DBInstanceNotFound for an unknown instance, none for one whose node has never started. */
export function instanceLogFiles(engine: FleetEngine, instanceId: string): ServerLogFile[] {
  engine.requireInstance(instanceId);
  const node = engine.nodeServing(instanceId);
  return node ? listServerLogs(node.logs.errorDir) : [];
}

/** A portion of one of the instance's log files; DBLogFileNotFoundFault for any other name. */
export function instanceLogPortion(engine: FleetEngine, request: LogPortionRequest): LogPortion {
  const files = instanceLogFiles(engine, request.instanceId);
  const index = files.findIndex((f) => f.logFileName === request.logFileName);
  const file = files[index];
  if (!file) throw notFound(request);
  try {
    // Only the newest file still grows: an older one's unterminated last line is final.
    return readLogPortion(file.path, { ...request, finished: index < files.length - 1 });
  } catch (error) {
    // Deleted past retention between the listing and the read.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw notFound(request);
    throw error;
  }
}

const notFound = ({ logFileName, instanceId }: LogPortionRequest) =>
  new EngineFault("DBLogFileNotFoundFault", `DBLogFile ${logFileName} not found for DB instance ${instanceId}.`);
