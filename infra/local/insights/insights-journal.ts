import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { SessionTuple } from "./dimensions";
import { InstanceInsights } from "./instance-insights";
import { RETENTION_MS } from "./load-history";
import type { Delta, StatementCounters } from "./statement-history";

const HOUR_MS = 3_600_000;
const FILE = /^(\d{10})\.jsonl$/;
/** Past this many bytes of one instance's files the oldest hours go first, whatever their age. */
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Performance Insights' durable half, so that `npm start` again keeps the 7
 * days PI keeps: per instance (by DbiResourceId) append-only JSON-lines
 * files, one per UTC hour of writing, so retention is deleting whole files.
 * Each file is whole on its own: it names its instance first, and defines
 * every session tuple (`{"u":id,"v":[…]}`) and statement text (`{"t":…}`,
 * `{"x":…}`) before the sampled seconds (`[second, tupleId…]`) and
 * pg_stat_statements deltas (`{"d":[from,to],"c":{…}}`) that use them.
 * Lines are buffered and appended every few seconds; a crash loses at most those.
 */
export class InsightsJournal {
  private readonly files = new Map<string, InstanceFile>();

  constructor(
    private readonly dir: string,
    private readonly maxBytesPerInstance = DEFAULT_MAX_BYTES,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Every instance's history read back, oldest file first; lines that cannot be read are skipped and counted. */
  load(): { instances: InstanceInsights[]; skipped: number } {
    let skipped = 0;
    const instances: InstanceInsights[] = [];
    for (const dbiResourceId of readdirSync(this.dir)) {
      const insights = new InstanceInsights(dbiResourceId, dbiResourceId);
      for (const file of hourFiles(path.join(this.dir, dbiResourceId))) {
        skipped += replayFile(readFileSync(file.path, "utf8"), insights);
      }
      insights.pruneTexts();
      instances.push(insights);
    }
    return { instances, skipped };
  }

  /** From now on, what `insights` records is journalled too. */
  attach(insights: InstanceInsights): void {
    const file = new InstanceFile(path.join(this.dir, insights.dbiResourceId), insights);
    this.files.set(insights.dbiResourceId, file);
    insights.load.onSecond = (second, ids) => file.second(second, ids);
    insights.statements.onDelta = (delta) => file.delta(delta);
    insights.texts.onText = (text) => file.text(text);
  }

  /** Appends what was buffered. */
  flush(): void {
    for (const file of this.files.values()) file.flush();
  }

  /** Deletes the hours past retention, and the oldest past the size cap; an instance forgotten loses its folder. */
  prune(nowMs: number, kept: ReadonlySet<string>): void {
    for (const dbiResourceId of readdirSync(this.dir)) {
      const folder = path.join(this.dir, dbiResourceId);
      if (!kept.has(dbiResourceId)) {
        this.files.delete(dbiResourceId);
        rmSync(folder, { recursive: true, force: true });
        continue;
      }
      const files = hourFiles(folder).map((f) => ({ ...f, bytes: statSync(f.path).size }));
      let total = files.reduce((sum, f) => sum + f.bytes, 0);
      for (const f of files.slice(0, -1)) {
        if (f.hourMs + HOUR_MS > nowMs - RETENTION_MS && total <= this.maxBytesPerInstance) break;
        rmSync(f.path, { force: true });
        total -= f.bytes;
      }
    }
  }
}

/** The file of one instance being written: what it has defined so far, and the lines not yet appended. */
class InstanceFile {
  private hourMs = -1;
  private tuples = new Set<number>();
  private texts = new Set<string>();
  private pending: string[] = [];

  constructor(
    private readonly folder: string,
    private readonly insights: InstanceInsights,
  ) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  }

  second(second: number, ids: readonly number[]): void {
    this.rotate(second * 1000);
    for (const id of ids) this.defineTuple(id);
    this.pending.push(JSON.stringify([second, ...ids]));
  }

  delta(delta: Delta): void {
    this.rotate(delta.to);
    const counters: Record<string, [number, number, number]> = {};
    for (const [id, c] of delta.digests) {
      this.defineTokenized(id);
      counters[id] = [c.calls, c.rows, c.totalTimeMs];
    }
    this.pending.push(JSON.stringify({ d: [delta.from, delta.to], c: counters }));
  }

  text(text: { tokenizedId: string; text: string } | { sqlId: string; text: string; tokenizedId: string }): void {
    if (this.hourMs < 0) return; // nothing written yet: texts come with the first tuples that use them
    if ("sqlId" in text) {
      this.texts.add(`x${text.sqlId}`);
      this.pending.push(JSON.stringify({ x: text.sqlId, t: text.tokenizedId, q: text.text }));
    } else {
      this.texts.add(`t${text.tokenizedId}`);
      this.pending.push(JSON.stringify({ t: text.tokenizedId, q: text.text }));
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const lines = `${this.pending.join("\n")}\n`;
    this.pending = [];
    appendFileSync(path.join(this.folder, fileName(this.hourMs)), lines, { mode: 0o600 });
  }

  private rotate(atMs: number): void {
    const hourMs = Math.floor(atMs / HOUR_MS) * HOUR_MS;
    if (hourMs <= this.hourMs) return;
    this.flush();
    this.hourMs = hourMs;
    this.tuples = new Set();
    this.texts = new Set();
    this.pending.push(JSON.stringify({ i: this.insights.instanceId }));
  }

  private defineTuple(id: number): void {
    if (this.tuples.has(id)) return;
    const t = this.insights.load.tuple(id);
    if (t === undefined) return;
    this.tuples.add(id);
    this.defineTokenized(t.tokenizedId);
    const sql = this.insights.texts.sql(t.sqlId);
    if (sql !== undefined && !this.texts.has(`x${t.sqlId}`)) this.text({ sqlId: t.sqlId, ...sql });
    const v = [
      t.waitEventType,
      t.waitEvent,
      t.tokenizedId,
      t.tokenizedDbId,
      t.sqlId,
      t.userId,
      t.userName,
      t.application,
    ];
    this.pending.push(JSON.stringify({ u: id, v }));
  }

  private defineTokenized(tokenizedId: string): void {
    if (this.texts.has(`t${tokenizedId}`)) return;
    const text = this.insights.texts.tokenized(tokenizedId);
    if (text !== undefined) this.text({ tokenizedId, text });
  }
}

function fileName(hourMs: number): string {
  return `${String(hourMs / 1000).padStart(10, "0")}.jsonl`;
}

function hourFiles(folder: string): Array<{ path: string; hourMs: number }> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = FILE.exec(name);
      return m ? [{ path: path.join(folder, name), hourMs: Number(m[1]) * 1000 }] : [];
    })
    .sort((a, b) => a.hourMs - b.hourMs);
}

/** One file's lines into `insights`; returns how many could not be read. */
function replayFile(content: string, insights: InstanceInsights): number {
  const tuples = new Map<number, SessionTuple>();
  let skipped = 0;
  for (const line of content.split("\n")) {
    if (line === "") continue;
    try {
      if (!replayLine(JSON.parse(line) as unknown, insights, tuples)) skipped++;
    } catch {
      skipped++; // a line cut short by a crash
    }
  }
  return skipped;
}

function replayLine(entry: unknown, insights: InstanceInsights, tuples: Map<number, SessionTuple>): boolean {
  if (Array.isArray(entry)) {
    const [second, ...ids] = entry as number[];
    if (typeof second !== "number") return false;
    const active = ids.flatMap((id) => tuples.get(id) ?? []);
    insights.load.record(second * 1000, active);
    return active.length === ids.length;
  }
  if (typeof entry !== "object" || entry === null) return false;
  const e = entry as Record<string, unknown>;
  if (typeof e.i === "string") insights.instanceId = e.i;
  else if (typeof e.u === "number" && Array.isArray(e.v)) {
    const [waitEventType, waitEvent, tokenizedId, tokenizedDbId, sqlId, userId, userName, application] = (
      e.v as unknown[]
    ).map(String) as string[];
    tuples.set(e.u, {
      waitEventType: waitEventType ?? "",
      waitEvent: waitEvent ?? "",
      tokenizedId: tokenizedId ?? "",
      tokenizedDbId: tokenizedDbId ?? "",
      sqlId: sqlId ?? "",
      userId: userId ?? "",
      userName: userName ?? "",
      application: application ?? "",
    });
  } else if (typeof e.x === "string" && typeof e.t === "string" && typeof e.q === "string")
    insights.texts.rememberSql(e.x, e.q, e.t);
  else if (typeof e.t === "string" && typeof e.q === "string") insights.texts.rememberTokenized(e.t, e.q);
  else if (Array.isArray(e.d) && typeof e.c === "object" && e.c !== null) {
    const [from, to] = e.d as number[];
    if (typeof from !== "number" || typeof to !== "number") return false;
    const digests = new Map<string, StatementCounters>();
    for (const [id, c] of Object.entries(e.c as Record<string, number[]>)) {
      const [calls = 0, rows = 0, totalTimeMs = 0] = c;
      digests.set(id, { calls, rows, totalTimeMs });
    }
    insights.statements.restore({ from, to, digests });
  } else return false;
  return true;
}
