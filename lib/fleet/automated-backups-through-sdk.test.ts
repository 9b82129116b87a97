/**
 * The snapshots page's automated-backup calls through the real AWS SDK and
 * the local RDS API server, with a scripted backend in place of the engine:
 * every page is read, a retained backup restores by its resource ID, and
 * RDS's refusals become the domain's errors.
 */
import type { DBInstance, DBInstanceAutomatedBackup } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { rdsFault } from "@/infra/local/api/rds/rds-errors";
import type { PointInTimeRestoreRequest } from "@/infra/local/api/rds-backend";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { Conflict, Invalid } from "@/lib/errors";
import { serveLocalAws } from "@/lib/test-support/local-aws-env";
import { deleteAutomatedBackup } from "./delete-automated-backup";
import { describeAutomatedBackups } from "./describe-automated-backups";
import { restoreToPointInTime } from "./point-in-time-restore";

const EARLIEST = new Date("2026-12-01T03:10:00Z");
const LATEST = new Date("2026-12-06T11:00:05Z");

const backup = (n: number, status: "active" | "retained"): DBInstanceAutomatedBackup => ({
  DBInstanceIdentifier: `app-${String(n).padStart(3, "0")}`,
  DbiResourceId: `db-${String(n).padStart(26, "0")}`,
  Status: status,
  BackupRetentionPeriod: 7,
  RestoreWindow: n % 10 === 0 ? {} : { EarliestTime: EARLIEST, LatestTime: LATEST },
});

class ScriptedBackend extends InMemoryRdsBackend {
  // Over one page of 100: the page must follow the Marker.
  backups = Array.from({ length: 130 }, (_, n) => backup(n, n % 2 === 0 ? "retained" : "active"));
  restores: PointInTimeRestoreRequest[] = [];
  constructor() {
    super(fleetInstances());
  }
  // The fixture's unused operations are properties: these replace them as properties too.
  override readonly describeDBInstanceAutomatedBackups = (): DBInstanceAutomatedBackup[] => this.backups;
  override readonly restoreDBInstanceToPointInTime = async (
    request: PointInTimeRestoreRequest,
  ): Promise<DBInstance> => {
    this.restores.push(request);
    if (request.restoreTime && request.restoreTime > LATEST) {
      throw rdsFault("InvalidRestore", "The restore time is outside the restorable window.");
    }
    return { DBInstanceIdentifier: request.targetId, DBInstanceStatus: "creating" };
  };
  override readonly deleteDBInstanceAutomatedBackup = (request: {
    dbiResourceId?: string;
  }): DBInstanceAutomatedBackup => {
    const found = this.backups.find((b) => b.DbiResourceId === request.dbiResourceId);
    if (!found) throw rdsFault("DBInstanceAutomatedBackupNotFound", "No automated backup was found.");
    if (found.Status === "active") {
      throw rdsFault("InvalidDBInstanceAutomatedBackupState", "The automated backup is in use by an active instance.");
    }
    return { ...found, Status: "deleting" };
  };
}

const backend = new ScriptedBackend();
const { client } = serveLocalAws(backend);

describe("describeAutomatedBackups", () => {
  it("reads every page: active ones first, then retained, by name; a backup without a window has none", async () => {
    const backups = await describeAutomatedBackups({ client: client() });
    expect(backups).toHaveLength(130);
    expect(backups.slice(0, 65).every((b) => b.status === "active")).toBe(true);
    expect(backups.slice(65).every((b) => b.status === "retained")).toBe(true);
    expect(backups[0]).toEqual({
      dbiResourceId: `db-${"1".padStart(26, "0")}`,
      instanceIdentifier: "app-001",
      status: "active",
      window: { earliest: EARLIEST, latest: LATEST },
      retentionDays: 7,
      availabilityZone: undefined,
      instanceCreatedAt: undefined,
    });
    expect(backups.find((b) => b.instanceIdentifier === "app-010")?.window).toBeUndefined();
  });
});

describe("restoreToPointInTime from a backup", () => {
  it("names the source by its resource ID, as a deleted instance's retained backup is named", async () => {
    const source = { dbiResourceId: `db-${"2".padStart(26, "0")}` };
    const at = new Date("2026-12-05T00:00:00Z");
    const restored = await restoreToPointInTime({ source, target: "app-back", restoreTime: at, client: client() });
    expect(restored.status).toBe("creating");
    expect(backend.restores.at(-1)).toMatchObject({
      targetId: "app-back",
      sourceDbiResourceId: source.dbiResourceId,
      restoreTime: at,
    });
    expect(backend.restores.at(-1)?.sourceId).toBeUndefined();
  });

  it("a time outside the window is Invalid, in RDS's words", async () => {
    const attempt = restoreToPointInTime({
      source: { dbiResourceId: `db-${"2".padStart(26, "0")}` },
      target: "app-later",
      restoreTime: new Date("2027-01-01T00:00:00Z"),
      client: client(),
    });
    await expect(attempt).rejects.toBeInstanceOf(Invalid);
    await expect(attempt).rejects.toThrow("outside the restorable window");
  });
});

describe("deleteAutomatedBackup", () => {
  it("deletes a retained backup", async () => {
    await expect(
      deleteAutomatedBackup({ dbiResourceId: `db-${"4".padStart(26, "0")}`, client: client() }),
    ).resolves.toBeUndefined();
  });

  it("an active instance's backup is refused as a Conflict, quoting RDS", async () => {
    const attempt = deleteAutomatedBackup({ dbiResourceId: `db-${"1".padStart(26, "0")}`, client: client() });
    await expect(attempt).rejects.toBeInstanceOf(Conflict);
    await expect(attempt).rejects.toThrow("in use by an active instance");
  });
});
