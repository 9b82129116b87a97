/**
 * Retained automated backups: what DeleteDBInstance with
 * DeleteAutomatedBackups=false leaves of an instance — its automated
 * snapshots, its WAL archive and this record of what it was and how far its
 * archive reaches — so it can still be restored to a point in time by its
 * DbiResourceId. Kept in backups/<DbiResourceId>/retained.json beside the
 * archive, until DeleteDBInstanceAutomatedBackup or until its last automated
 * snapshot ages out.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { tagSchema } from "../tags";

const retainedSchema = z.object({
  dbiResourceId: z.string(),
  instanceId: z.string(),
  instanceCreatedAt: z.string(),
  availabilityZone: z.string(),
  instanceClass: z.string(),
  port: z.number().int(),
  backupRetentionPeriod: z.number().int(),
  /** The end of its archive when the instance was deleted: the window never grows again. */
  latestRestorableTime: z.string(),
  deletedAt: z.string(),
  /** The deleted instance's tags: a point-in-time restore that names none gets these. */
  tags: z.array(tagSchema).default(() => []),
});

export type RetainedBackup = z.infer<typeof retainedSchema>;

export class RetainedBackups {
  private readonly records = new Map<string, RetainedBackup>();

  constructor(private readonly root: string) {
    for (const dbi of existsSync(root) ? readdirSync(root) : []) {
      const file = this.fileOf(dbi);
      if (!existsSync(file)) continue;
      const parsed = retainedSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.success) this.records.set(dbi, parsed.data);
    }
  }

  all(): RetainedBackup[] {
    return [...this.records.values()];
  }

  get(dbiResourceId: string): RetainedBackup | undefined {
    return this.records.get(dbiResourceId);
  }

  save(record: RetainedBackup): void {
    const file = this.fileOf(record.dbiResourceId);
    writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    this.records.set(record.dbiResourceId, record);
  }

  /** Forgets the record and removes the archive with it. */
  remove(dbiResourceId: string): void {
    this.records.delete(dbiResourceId);
    rmSync(path.join(this.root, dbiResourceId), { recursive: true, force: true });
  }

  private fileOf(dbiResourceId: string): string {
    return path.join(this.root, dbiResourceId, "retained.json");
  }
}
