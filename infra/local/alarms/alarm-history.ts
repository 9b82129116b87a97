import path from "node:path";
import type { AlarmHistoryEntry } from "./alarm-types";
import { JsonLinesFile } from "./json-lines-file";

/** CloudWatch keeps alarm history for two weeks. */
export const HISTORY_RETENTION_MS = 14 * 24 * 3_600_000;
/** A bound on top of the two weeks, so a flapping alarm cannot grow the file without end. */
const MAX_ENTRIES = 20_000;

/** Every alarm's history (also of deleted alarms, as CloudWatch keeps it), oldest first, durable. */
export class AlarmHistory {
  private entries: AlarmHistoryEntry[];
  private readonly file: JsonLinesFile<AlarmHistoryEntry>;

  constructor(
    dir: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonLinesFile(path.join(dir, "alarm-history.jsonl"), parseEntry);
    this.entries = this.file.read();
    this.prune();
  }

  add(entry: AlarmHistoryEntry): void {
    this.entries.push(entry);
    this.file.append(entry);
    if (this.entries.length > MAX_ENTRIES * 1.1) this.prune();
  }

  all(): readonly AlarmHistoryEntry[] {
    const oldest = this.now() - HISTORY_RETENTION_MS;
    return this.entries.filter((e) => e.Timestamp >= oldest);
  }

  prune(): void {
    const oldest = this.now() - HISTORY_RETENTION_MS;
    this.entries = this.entries.filter((e) => e.Timestamp >= oldest).slice(-MAX_ENTRIES);
    this.file.compact(this.entries);
  }
}

function parseEntry(value: unknown): AlarmHistoryEntry | undefined {
  const e = value as Partial<AlarmHistoryEntry> | null;
  if (e === null || typeof e !== "object") return undefined;
  if (typeof e.AlarmName !== "string" || typeof e.Timestamp !== "number" || typeof e.HistorySummary !== "string")
    return undefined;
  if (
    e.HistoryItemType !== "ConfigurationUpdate" &&
    e.HistoryItemType !== "StateUpdate" &&
    e.HistoryItemType !== "Action"
  )
    return undefined;
  return {
    AlarmName: e.AlarmName,
    AlarmType: "MetricAlarm",
    Timestamp: e.Timestamp,
    HistoryItemType: e.HistoryItemType,
    HistorySummary: e.HistorySummary,
    HistoryData: typeof e.HistoryData === "string" ? e.HistoryData : "{}",
  };
}
