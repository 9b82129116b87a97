/**
 * The local Performance Insights agent: once a second it samples every
 * instance's active sessions (one prepared query per node over a kept-open
 * connection), and every interval (a minute by default) it takes
 * pg_stat_statements' deltas and publishes DBLoad, DBLoadCPU and
 * DBLoadNonCPU for the interval to CloudWatch. Ticks never overlap: the next
 * one is scheduled when one ends, on the next whole second.
 */
import type { Login, NodeAddress } from "../pg/sql-client";
import { ActivitySession, isSqlError } from "./activity-session";
import type { InsightsJournal } from "./insights-journal";
import { InstanceInsights } from "./instance-insights";
import { RETENTION_MS } from "./load-history";
import { digestIdOf, toSessionTuple } from "./session-tuple";

/** An instance and the node serving it now (a Multi-AZ writer: its current primary, never the standby). */
export interface SampledInstance {
  readonly id: string;
  readonly dbiResourceId: string;
  readonly node: { readonly name: string; readonly address: NodeAddress } | undefined;
}

/** DB load over one interval: average active sessions in all, on CPU, and waiting. */
export interface IntervalLoad {
  readonly instanceId: string;
  /** Start of the interval, ms. */
  readonly at: number;
  readonly load: number;
  readonly cpu: number;
  readonly nonCpu: number;
}

export interface InsightsSamplerOptions {
  readonly instances: () => readonly SampledInstance[];
  readonly admin: Login;
  readonly caCertPem: string;
  /** The application database, where pg_stat_statements is created. */
  readonly database: string;
  readonly sampleIntervalMs?: number;
  /** pg_stat_statements deltas and the CloudWatch DBLoad period. */
  readonly statementsIntervalMs?: number;
  readonly publishLoad: (load: IntervalLoad) => void;
  readonly onError: (error: unknown, instanceId: string) => void;
  readonly now?: () => number;
  /** Where the history is kept across restarts; in memory only without one. */
  readonly journal?: InsightsJournal;
}

/** How often the journal's buffered lines are appended: a crash loses at most this much. */
const JOURNAL_FLUSH_MS = 5_000;

/** Query ids whose text pg_stat_statements did not have are asked again at most this often. */
const TEXT_RETRY_MS = 10_000;

export class InsightsSampler {
  private readonly byResource = new Map<string, InstanceInsights>();
  private readonly sessions = new Map<string, ActivitySession>();
  private readonly epochs = new Map<string, string>();
  private readonly textAskedAt = new Map<string, number>();
  private readonly now: () => number;
  private readonly sampleMs: number;
  private readonly statementsMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private intervalStart: number;
  /** CPU time the sampler itself spent (engine side), for `npm run bench:metrics`. */
  cpuMicros = 0;
  ticks = 0;

  constructor(private readonly options: InsightsSamplerOptions) {
    this.now = options.now ?? Date.now;
    this.sampleMs = options.sampleIntervalMs ?? 1_000;
    this.statementsMs = options.statementsIntervalMs ?? 60_000;
    this.intervalStart = this.alignedInterval(this.now());
    const journal = options.journal;
    if (journal !== undefined) {
      const { instances, skipped } = journal.load();
      this.journalSkipped = skipped;
      for (const insights of instances) {
        this.byResource.set(insights.dbiResourceId, insights);
        journal.attach(insights);
      }
    }
  }

  /** Journal lines that could not be read back at start (a crash cuts the last one short). */
  journalSkipped = 0;
  private journalFlushedAt = 0;

  /** An instance's history by DbiResourceId, also after the instance was deleted (PI keeps it). */
  insightsOf(dbiResourceId: string): InstanceInsights | undefined {
    return this.byResource.get(dbiResourceId);
  }

  /** The ActivitySession of every node sampled now, for the bench to read their backends' CPU. */
  activeSessions(): ActivitySession[] {
    return [...this.sessions.values()];
  }

  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (this.timer) this.timer = setTimeout(loop, this.sampleMs - (this.now() % this.sampleMs));
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.options.journal?.flush();
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }

  /** One round: every instance sampled; at an interval's end, its statements and DBLoad too. */
  async tick(): Promise<void> {
    const before = process.cpuUsage();
    const at = this.now();
    const instances = this.options.instances();
    for (const i of instances) this.track(i);
    this.closeGone(new Set(instances.flatMap((i) => (i.node ? [i.node.name] : []))));
    this.forgetExpired(new Set(instances.map((i) => i.dbiResourceId)), at);
    await Promise.all(
      instances.map((i) => this.sample(i, at).catch((error: unknown) => this.options.onError(error, i.id))),
    );
    const interval = this.alignedInterval(at);
    if (interval > this.intervalStart) {
      const ended = this.intervalStart;
      this.intervalStart = interval;
      await Promise.all(
        instances.map((i) => this.takeStatements(i, at).catch((error: unknown) => this.options.onError(error, i.id))),
      );
      for (const i of instances) this.publish(i, ended, interval);
      this.options.journal?.prune(at, new Set(this.byResource.keys()));
    }
    if (this.options.journal !== undefined && at - this.journalFlushedAt >= JOURNAL_FLUSH_MS) {
      this.journalFlushedAt = at;
      this.options.journal.flush();
    }
    const used = process.cpuUsage(before);
    this.cpuMicros += used.user + used.system;
    this.ticks++;
  }

  private track(i: SampledInstance): InstanceInsights {
    let insights = this.byResource.get(i.dbiResourceId);
    if (insights === undefined) {
      insights = new InstanceInsights(i.dbiResourceId, i.id);
      this.byResource.set(i.dbiResourceId, insights);
      this.options.journal?.attach(insights);
    }
    insights.instanceId = i.id;
    return insights;
  }

  private async sample(i: SampledInstance, at: number): Promise<void> {
    if (i.node === undefined) return;
    const insights = this.track(i);
    const session = this.session(i.node.name, i.node.address);
    const active = await session.activeSessions();
    const tuples = active.map(toSessionTuple);
    insights.load.record(at, tuples);
    const unknown = new Set<string>();
    for (const [n, s] of active.entries()) {
      const tuple = tuples[n] as (typeof tuples)[number];
      insights.texts.rememberSql(tuple.sqlId, s.query, tuple.tokenizedId);
      if (s.queryId === null) {
        if (!insights.texts.hasTokenized(tuple.tokenizedId))
          insights.texts.rememberTokenized(tuple.tokenizedId, s.query);
      } else if (!insights.texts.hasTokenized(tuple.tokenizedId) && this.dueForText(s.queryId, at)) {
        unknown.add(s.queryId);
      }
    }
    if (unknown.size > 0) await this.lookUpTexts(insights, session, [...unknown]);
  }

  private dueForText(queryId: string, at: number): boolean {
    const asked = this.textAskedAt.get(queryId);
    if (asked !== undefined && at - asked < TEXT_RETRY_MS) return false;
    this.textAskedAt.set(queryId, at);
    return true;
  }

  private async lookUpTexts(insights: InstanceInsights, session: ActivitySession, queryIds: string[]): Promise<void> {
    try {
      for (const [queryId, text] of await session.statementTexts(queryIds)) {
        insights.texts.rememberTokenized(digestIdOf(queryId), text);
        this.textAskedAt.delete(queryId);
      }
    } catch (error) {
      // Without pg_stat_statements (a node restored from data older than it) the load is still sampled.
      if (!isSqlError(error)) throw error;
    }
  }

  private async takeStatements(i: SampledInstance, at: number): Promise<void> {
    if (i.node === undefined) return;
    const insights = this.track(i);
    const session = this.session(i.node.name, i.node.address);
    let reading: Awaited<ReturnType<ActivitySession["statementCounters"]>>;
    try {
      reading = await session.statementCounters();
    } catch (error) {
      if (isSqlError(error)) return;
      throw error;
    }
    // pg_stat_statements holds a digest's text only once a first execution has ended, often after the sessions
    // running it were sampled: digests still without a text are asked for here, before the rates that name them.
    const missing = new Set<string>();
    for (const t of insights.load.liveTuples()) {
      if (t.tokenizedDbId !== "" && !insights.texts.hasTokenized(t.tokenizedId)) missing.add(t.tokenizedDbId);
    }
    if (missing.size > 0) await this.lookUpTexts(insights, session, [...missing]);
    const key = `${i.node.name} ${reading.epoch}`;
    const restarted = this.epochs.get(i.dbiResourceId) !== key;
    this.epochs.set(i.dbiResourceId, key);
    const byDigest = new Map([...reading.counters].map(([queryId, c]) => [digestIdOf(queryId), c]));
    insights.statements.record(at, byDigest, { restarted, startMs: reading.epochStartMs });
    insights.pruneTexts();
  }

  /** DBLoad over [from, to): sessions sampled divided by samples taken; nothing when nothing was sampled. */
  private publish(i: SampledInstance, from: number, to: number): void {
    const insights = this.byResource.get(i.dbiResourceId);
    if (insights === undefined) return;
    let samples = 0;
    let cpu = 0;
    let waiting = 0;
    for (const second of insights.load.secondsBetween(from, to)) {
      samples++;
      for (const id of second.tuples) {
        if (insights.load.tuple(id)?.waitEventType === "CPU") cpu++;
        else waiting++;
      }
    }
    if (samples === 0) return;
    this.options.publishLoad({
      instanceId: i.id,
      at: from,
      load: (cpu + waiting) / samples,
      cpu: cpu / samples,
      nonCpu: waiting / samples,
    });
  }

  private alignedInterval(at: number): number {
    return Math.floor(at / this.statementsMs) * this.statementsMs;
  }

  private session(name: string, address: NodeAddress): ActivitySession {
    let session = this.sessions.get(name);
    if (session === undefined) {
      session = new ActivitySession(address, this.options.admin, this.options.caCertPem, this.options.database);
      this.sessions.set(name, session);
    }
    return session;
  }

  /** A deleted instance's data stays readable, as on PI, until its newest sample is past retention. */
  private forgetExpired(current: ReadonlySet<string>, at: number): void {
    for (const [id, insights] of this.byResource) {
      if (!current.has(id) && (insights.load.newest ?? 0) < at - RETENTION_MS) this.byResource.delete(id);
    }
  }

  /** Nodes no instance is served by any more (deleted, or a writer's old primary after a failover) are let go. */
  private closeGone(current: ReadonlySet<string>): void {
    for (const [name, session] of this.sessions) {
      if (current.has(name)) continue;
      this.sessions.delete(name);
      void session.close();
    }
  }
}
