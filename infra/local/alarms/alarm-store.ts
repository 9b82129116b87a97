import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AlarmRecord } from "./alarm-types";

interface AlarmsFile {
  readonly version: 1;
  /** Set once the fleet's default alarms were created, so that deleting one keeps it deleted. */
  readonly defaultsCreated: boolean;
  readonly alarms: readonly AlarmRecord[];
}

/**
 * The alarms and their current state in one JSON file, replaced atomically
 * (write, then rename) on every change: a few dozen alarms make a few KB,
 * and a crash leaves either the old file or the new one.
 */
export class AlarmStore {
  private readonly file: string;

  constructor(dir: string) {
    this.file = path.join(dir, "alarms.json");
  }

  read(): { alarms: AlarmRecord[]; defaultsCreated: boolean } {
    if (!existsSync(this.file)) return { alarms: [], defaultsCreated: false };
    const parsed = JSON.parse(readFileSync(this.file, "utf8")) as Partial<AlarmsFile>;
    return { alarms: [...(parsed.alarms ?? [])], defaultsCreated: parsed.defaultsCreated === true };
  }

  write(alarms: Iterable<AlarmRecord>, defaultsCreated: boolean): void {
    const content: AlarmsFile = { version: 1, defaultsCreated, alarms: [...alarms] };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(content), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
