/**
 * Every second's active sessions of one instance, kept for PI's retention
 * (7 days) in memory: one-hour chunks of plain integer columns, so an idle
 * instance costs nothing and a busy one about 4 bytes per session sampled
 * plus 8 per second. Past `maxSessions` sessions over all chunks the oldest
 * hour goes first (the README says so): memory stays bounded whatever the load.
 */
import type { SessionTuple } from "./dimensions";

export const RETENTION_MS = 7 * 24 * 3_600_000;
const CHUNK_MS = 3_600_000;

/** One hour of samples. A second with no active session is only counted, never stored. */
interface Chunk {
  readonly start: number;
  /** Seconds (epoch s) that were sampled, ascending, and for each the end of its sessions in `tuples`. */
  readonly seconds: number[];
  readonly ends: number[];
  /** Tuple ids, one per active session. */
  readonly tuples: number[];
}

export interface LoadSecond {
  readonly second: number;
  /** Tuple ids of the sessions active at that second. */
  readonly tuples: readonly number[];
}

export class LoadHistory {
  private readonly chunks: Chunk[] = [];
  private readonly tupleIds = new Map<string, number>();
  private readonly tupleById = new Map<number, SessionTuple>();
  private nextTupleId = 0;
  private sessions = 0;

  /** Told every sampled second as recorded, with its tuples' ids: the journal that keeps them across restarts. */
  onSecond: ((second: number, tupleIds: readonly number[]) => void) | undefined;

  constructor(private readonly maxSessions = 5_000_000) {}

  /** One sample: the sessions active at `atMs`, possibly none. Samples arrive in time order. */
  record(atMs: number, active: readonly SessionTuple[]): void {
    const second = Math.floor(atMs / 1000);
    const chunk = this.chunkFor(second * 1000);
    if (chunk.seconds.at(-1) === second) return; // a late tick in the same second samples nothing new
    const ids = active.map((tuple) => this.idOf(tuple));
    chunk.tuples.push(...ids);
    chunk.seconds.push(second);
    this.onSecond?.(second, ids);
    chunk.ends.push(chunk.tuples.length);
    this.sessions += active.length;
    this.enforceBounds(atMs);
  }

  tuple(id: number): SessionTuple | undefined {
    return this.tupleById.get(id);
  }

  /** Every sampled second in [fromMs, toMs), oldest first. */
  *secondsBetween(fromMs: number, toMs: number): Generator<LoadSecond> {
    const from = Math.ceil(fromMs / 1000);
    const to = Math.ceil(toMs / 1000);
    for (const chunk of this.chunks) {
      if (chunk.start + CHUNK_MS <= fromMs || chunk.start >= toMs) continue;
      let begin = 0;
      for (let i = 0; i < chunk.seconds.length; i++) {
        const second = chunk.seconds[i] as number;
        const end = chunk.ends[i] as number;
        if (second >= from && second < to) yield { second, tuples: chunk.tuples.slice(begin, end) };
        begin = end;
      }
    }
  }

  /** The oldest sampled moment kept (ms), if any. */
  get oldest(): number | undefined {
    const second = this.chunks[0]?.seconds[0];
    return second === undefined ? undefined : second * 1000;
  }

  /** The newest sampled moment kept (ms), if any. */
  get newest(): number | undefined {
    const second = this.chunks.at(-1)?.seconds.at(-1);
    return second === undefined ? undefined : second * 1000;
  }

  private chunkFor(atMs: number): Chunk {
    const start = Math.floor(atMs / CHUNK_MS) * CHUNK_MS;
    const last = this.chunks.at(-1);
    if (last && last.start === start) return last;
    const chunk: Chunk = { start, seconds: [], ends: [], tuples: [] };
    this.chunks.push(chunk);
    return chunk;
  }

  private idOf(tuple: SessionTuple): number {
    const key = tupleKey(tuple);
    let id = this.tupleIds.get(key);
    if (id === undefined) {
      id = this.nextTupleId++;
      this.tupleIds.set(key, id);
      this.tupleById.set(id, tuple);
    }
    return id;
  }

  private enforceBounds(nowMs: number): void {
    let dropped = false;
    while (this.chunks.length > 1) {
      const oldest = this.chunks[0] as Chunk;
      const expired = oldest.start + CHUNK_MS <= nowMs - RETENTION_MS;
      if (!expired && this.sessions <= this.maxSessions) break;
      this.chunks.shift();
      this.sessions -= oldest.tuples.length;
      dropped = true;
    }
    if (dropped) this.forgetUnusedTuples();
  }

  /** Tuples no kept second refers to any more (and with them their statement texts) are forgotten. */
  private forgetUnusedTuples(): void {
    const used = new Set<number>();
    for (const chunk of this.chunks) for (const id of chunk.tuples) used.add(id);
    for (const [key, id] of this.tupleIds) {
      if (used.has(id)) continue;
      this.tupleIds.delete(key);
      this.tupleById.delete(id);
    }
  }

  /** The tuples still referred to, for pruning statement texts alongside. */
  liveTuples(): Iterable<SessionTuple> {
    return this.tupleById.values();
  }
}

function tupleKey(t: SessionTuple): string {
  return [
    t.waitEventType,
    t.waitEvent,
    t.tokenizedId,
    t.tokenizedDbId,
    t.sqlId,
    t.userId,
    t.userName,
    t.application,
  ].join("\u0000");
}
