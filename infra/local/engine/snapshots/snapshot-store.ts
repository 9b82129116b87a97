/**
 * The fleet's DB snapshots: <dataDir>/snapshots/<id>/ holds the physical copy
 * (data/, wal/) and snapshot.json, its metadata as DescribeDBSnapshots
 * reports it. Kept in memory, written atomically on every state change. A
 * snapshot still `creating` when the engine stopped can never finish: it is
 * marked failed and its files removed at load.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import { z } from "zod";
import { tagSchema } from "../tags";

const recordSchema = z.object({
  id: z.string(),
  instanceId: z.string(),
  type: z.enum(["manual", "automated"]),
  status: z.enum(["creating", "available", "failed"]),
  percentProgress: z.number().int(),
  createdAt: z.string(),
  /** When the copy finished: the first moment a point-in-time restore can start from this base backup. */
  completedAt: z.string().optional(),
  /** What the instance was when the snapshot was taken: a restore starts from these. */
  instanceCreatedAt: z.string(),
  dbiResourceId: z.string(),
  availabilityZone: z.string(),
  port: z.number().int(),
  instanceClass: z.string(),
  engine: z.string(),
  engineVersion: z.string(),
  allocatedStorage: z.number().int(),
  storageType: z.string(),
  encrypted: z.boolean(),
  arn: z.string(),
  masterUsername: z.string(),
  /** Automated snapshots: days kept, from the instance's BackupRetentionPeriod when taken. */
  retentionDays: z.number().int().optional(),
  bytes: z.number().optional(),
  startLsn: z.string().optional(),
  stopLsn: z.string().optional(),
  failure: z.string().optional(),
  /** Its own tags (none in records from before the fleet kept tags). */
  tags: z.array(tagSchema).default(() => []),
  /** The instance's tags when it was taken: what a restore that names no tags gives the new instance (as RDS). */
  instanceTags: z.array(tagSchema).default(() => []),
});

export type SnapshotRecord = z.infer<typeof recordSchema>;

export class SnapshotStore {
  readonly root: string;
  private readonly records = new Map<string, SnapshotRecord>();
  /** Snapshots a restore is reading: they cannot be deleted meanwhile. */
  private readonly readers = new Map<string, number>();

  constructor(dataDir: string, log: pino.Logger) {
    this.root = path.join(dataDir, "snapshots");
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    for (const dir of readdirSync(this.root)) {
      const file = path.join(this.root, dir, "snapshot.json");
      if (!existsSync(file)) {
        // A snapshot whose metadata was never written never existed for clients: reclaim its space.
        log.warn({ dir }, "removing a snapshot directory without metadata");
        rmSync(path.join(this.root, dir), { recursive: true, force: true });
        continue;
      }
      const parsed = recordSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) {
        log.error({ file, issue: parsed.error.issues[0] }, "skipping an unreadable snapshot record");
        continue;
      }
      const record = parsed.data;
      if (record.status === "creating") {
        record.status = "failed";
        record.failure = "The fleet stopped while the snapshot was being created.";
        this.removeFiles(record.id);
      }
      this.records.set(record.id, record);
      this.save(record);
    }
  }

  dirOf(id: string): string {
    return path.join(this.root, id);
  }

  get(id: string): SnapshotRecord | undefined {
    return this.records.get(id);
  }

  all(): SnapshotRecord[] {
    return [...this.records.values()];
  }

  /** Writes the record (new or changed) to its snapshot.json. */
  save(record: SnapshotRecord): void {
    this.records.set(record.id, record);
    const dir = this.dirOf(record.id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, "snapshot.json");
    writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  /** The physical copy only; the record stays (a failed snapshot is still listed). */
  removeFiles(id: string): void {
    rmSync(path.join(this.dirOf(id), "data"), { recursive: true, force: true });
    rmSync(path.join(this.dirOf(id), "wal"), { recursive: true, force: true });
  }

  delete(id: string): void {
    this.records.delete(id);
    rmSync(this.dirOf(id), { recursive: true, force: true });
  }

  inUse(id: string): boolean {
    return (this.readers.get(id) ?? 0) > 0;
  }

  /** Marks the snapshot as read by a restore until the returned release is called. */
  use(id: string): () => void {
    this.readers.set(id, (this.readers.get(id) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.readers.set(id, (this.readers.get(id) ?? 1) - 1);
    };
  }
}
