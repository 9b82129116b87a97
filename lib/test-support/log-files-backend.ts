/**
 * An RDS backend whose every instance has the log files of one `error/`
 * folder, read by the engine's own reader: the log viewer's tests write real
 * files there and read them through the SDK and the local RDS API.
 */
import { rdsErrors, rdsFault } from "@/infra/local/api/rds/rds-errors";
import type { LogFilePortionRequest } from "@/infra/local/api/rds-backend";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { readLogPortion } from "@/infra/local/engine/log-portion";
import { listServerLogs } from "@/infra/local/pg/server-log-files";

export class LogFilesBackend extends InMemoryRdsBackend {
  constructor(private readonly errorDir: string) {
    super(fleetInstances());
  }
  private files(instanceId: string) {
    if (!this.instances.some((i) => i.DBInstanceIdentifier === instanceId))
      throw rdsErrors.dbInstanceNotFound(instanceId);
    return listServerLogs(this.errorDir);
  }
  override readonly describeDBLogFiles = ({ instanceId }: { instanceId: string }) =>
    this.files(instanceId).map((f) => ({ LogFileName: f.logFileName, LastWritten: f.lastWritten, Size: f.size }));
  override readonly downloadDBLogFilePortion = (request: LogFilePortionRequest) => {
    const files = this.files(request.instanceId);
    const index = files.findIndex((f) => f.logFileName === request.logFileName);
    const file = files[index];
    if (!file) throw rdsFault("DBLogFileNotFoundFault", `DBLogFile ${request.logFileName} not found.`);
    const p = readLogPortion(file.path, { ...request, finished: index < files.length - 1 });
    return { LogFileData: p.data, Marker: p.marker, AdditionalDataPending: p.pending };
  };
}
