/**
 * The fleet's own DB parameter groups (not the built-in default one), kept in
 * <dataDir>/parameter-groups.json and written atomically on every change.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { tagSchema } from "../tags";

const groupSchema = z.object({
  /** Lowercase, as RDS stores parameter group names. */
  name: z.string(),
  family: z.string(),
  description: z.string(),
  /** What the group sets (Source "user"); everything else keeps the engine's default. */
  parameters: z.record(
    z.string(),
    z.object({ value: z.string(), applyMethod: z.enum(["immediate", "pending-reboot"]) }),
  ),
  /** Its tags (CreateDBParameterGroup, CopyDBParameterGroup, AddTagsToResource); absent from older files. */
  tags: z.array(tagSchema).default([]),
});

const fileSchema = z.object({ formatVersion: z.literal(1), groups: z.array(groupSchema) });

export type ParameterGroupRecord = z.infer<typeof groupSchema>;

export class ParameterGroupStore {
  private readonly file: string;
  private readonly groups = new Map<string, ParameterGroupRecord>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, "parameter-groups.json");
    if (!existsSync(this.file)) return;
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, "utf8")));
    if (!parsed.success) {
      throw new Error(`${this.file} is damaged (${parsed.error.issues[0]?.message}); run npm run fleet:reset`);
    }
    for (const group of parsed.data.groups) this.groups.set(group.name, group);
  }

  get(name: string): ParameterGroupRecord | undefined {
    return this.groups.get(name.toLowerCase());
  }

  all(): ParameterGroupRecord[] {
    return [...this.groups.values()];
  }

  save(group: ParameterGroupRecord): void {
    this.groups.set(group.name, group);
    this.write();
  }

  delete(name: string): void {
    this.groups.delete(name.toLowerCase());
    this.write();
  }

  private write(): void {
    const content = { formatVersion: 1, groups: this.all() };
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}
