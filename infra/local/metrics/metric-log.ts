import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import {
  type Dimension,
  type MetricIdentity,
  type MetricRecord,
  metricIdentity,
  type StorageResolution,
} from "./metric-types";

/** What a replayed line holds. */
export interface LoggedRecord {
  readonly metric: MetricIdentity;
  readonly unit: string;
  readonly custom: boolean;
  readonly record: MetricRecord;
  readonly resolution: StorageResolution;
}

interface SeriesDefinition {
  readonly metric: MetricIdentity;
  readonly unit: string;
  readonly custom: boolean;
}

const HOUR_MS = 3_600_000;
const FILE = /^(\d{10})\.jsonl$/;

/**
 * The metric store's durable half: append-only JSON-lines files, one per UTC
 * hour of writing, so that retention is deleting whole files. A file first
 * names each series it uses (`{"d":id,…}`), then holds records as short
 * arrays (`[id, ms, value, resolution]` or `[id, ms, count, sum, min, max,
 * resolution]`). Lines are buffered and appended once a second; a crash
 * loses at most that second.
 */
export class MetricLog {
  private readonly ids = new Map<string, number>();
  private definedInFile = new Set<number>();
  private currentHour = -1;
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private diskBytes = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Bytes on disk, including what is still buffered. */
  get bytes(): number {
    return this.diskBytes;
  }

  /** Reads every file written since `since` (ms), in order, and measures the disk use. */
  replay(since: number, apply: (entry: LoggedRecord) => void): { records: number; skipped: number } {
    let records = 0;
    let skipped = 0;
    this.diskBytes = 0;
    for (const { file, hour } of this.files()) {
      const full = path.join(this.dir, file);
      this.diskBytes += statSync(full).size;
      if (hour + HOUR_MS <= since) continue;
      const definitions = new Map<number, SeriesDefinition>();
      for (const line of readFileSync(full, "utf8").split("\n")) {
        if (line === "") continue;
        const entry = parseLine(line, definitions);
        if (entry === undefined) {
          // A torn last line after a crash, or a hand-edited file: skip it, keep the rest.
          skipped++;
          continue;
        }
        if (entry !== null) {
          apply(entry);
          records++;
        }
      }
    }
    return { records, skipped };
  }

  append(
    key: string,
    definition: SeriesDefinition,
    record: MetricRecord,
    resolution: StorageResolution,
    now: number,
  ): void {
    const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
    if (hour !== this.currentHour) this.rotate(hour);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(key, id);
    }
    if (!this.definedInFile.has(id)) {
      this.definedInFile.add(id);
      this.push(JSON.stringify(definitionLine(id, definition)));
    }
    const { timestamp, count, sum, min, max } = record;
    this.push(
      JSON.stringify(
        count === 1 && min === max
          ? [id, timestamp, sum, resolution]
          : [id, timestamp, count, sum, min, max, resolution],
      ),
    );
  }

  /** Appends what is buffered; appends are chained so that lines keep their order. */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.writing;
    const file = this.fileFor(this.currentHour);
    const text = `${this.pending.join("\n")}\n`;
    this.pending = [];
    this.writing = this.writing.then(() => appendFile(file, text, { mode: 0o600 }));
    return this.writing;
  }

  /** For shutdown: waits for queued appends, then writes the rest synchronously. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    if (this.pending.length > 0) {
      appendFileSync(this.fileFor(this.currentHour), `${this.pending.join("\n")}\n`, { mode: 0o600 });
      this.pending = [];
    }
  }

  /** Deletes files whose hour ended before `before`. */
  prune(before: number): void {
    for (const { file, hour } of this.files()) {
      if (hour + HOUR_MS > before || hour === this.currentHour) continue;
      const full = path.join(this.dir, file);
      this.diskBytes -= statSync(full).size;
      rmSync(full, { force: true });
    }
  }

  private rotate(hour: number): void {
    if (this.pending.length > 0) void this.flush();
    this.currentHour = hour;
    this.definedInFile = new Set();
  }

  private push(line: string): void {
    this.pending.push(line);
    this.diskBytes += Buffer.byteLength(line) + 1;
  }

  private fileFor(hour: number): string {
    const d = new Date(hour);
    const name = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
    return path.join(this.dir, `${name}.jsonl`);
  }

  private files(): Array<{ file: string; hour: number }> {
    return readdirSync(this.dir)
      .map((file) => ({ file, match: FILE.exec(file) }))
      .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
      .map(({ file, match }) => {
        const t = match[1] as string;
        const hour = Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10));
        return { file, hour };
      })
      .sort((a, b) => a.hour - b.hour);
  }
}

function definitionLine(id: number, d: SeriesDefinition) {
  return {
    d: id,
    ns: d.metric.namespace,
    m: d.metric.metricName,
    dims: d.metric.dimensions.map((x) => [x.name, x.value]),
    u: d.unit,
    c: d.custom ? 1 : 0,
  };
}

/** A record, null for a definition line, undefined for a line that cannot be read. */
function parseLine(line: string, definitions: Map<number, SeriesDefinition>): LoggedRecord | null | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) {
    const numbers = parsed as number[];
    const definition = definitions.get(numbers[0] as number);
    if (definition === undefined || !numbers.every((n) => typeof n === "number" && Number.isFinite(n)))
      return undefined;
    const [, timestamp, a, b, c, d, e] = numbers as [number, number, number, number, number?, number?, number?];
    const record =
      numbers.length === 4
        ? { timestamp, count: 1, sum: a, min: a, max: a }
        : { timestamp, count: a, sum: b, min: c as number, max: d as number };
    const resolution = (numbers.length === 4 ? b : e) === 1 ? 1 : 60;
    return { ...definition, record, resolution };
  }
  const def = parsed as { d?: unknown; ns?: unknown; m?: unknown; dims?: unknown; u?: unknown; c?: unknown };
  if (typeof def.d !== "number" || typeof def.ns !== "string" || typeof def.m !== "string" || !Array.isArray(def.dims))
    return undefined;
  const dimensions: Dimension[] = (def.dims as unknown[]).map((pair) => {
    const [name, value] = pair as [unknown, unknown];
    return { name: String(name), value: String(value) };
  });
  definitions.set(def.d, {
    metric: metricIdentity(def.ns, def.m, dimensions),
    unit: typeof def.u === "string" ? def.u : "None",
    custom: def.c === 1,
  });
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
