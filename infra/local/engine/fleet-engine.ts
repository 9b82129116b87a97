/**
 * The local fleet: a writer with its synchronous Multi-AZ standby and the read
 * replicas, as real postgres processes wired by streaming replication. Boots
 * cold (first run) or warm (restart), supervises the processes, and reports
 * each instance's real state.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statfsSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type pino from "pino";
import { type Fleet, fleetNames, placement } from "../../fleet.js";
import type { EngineConfig } from "../config.js";
import type { Progress } from "../log.js";
import { cloneNode } from "../pg/base-backup.js";
import { locateBinaries } from "../pg/binaries.js";
import { ensureCredentials, type FleetCredentials } from "../pg/credentials.js";
import { initdb } from "../pg/initdb.js";
import { isInitialised } from "../pg/node-files.js";
import { type ExitInfo, reclaimStalePostmaster } from "../pg/postmaster.js";
import { unreachableAncestor } from "../pg/reachability.js";
import { resolveRunAs } from "../pg/run-as.js";
import { waitAccepting, withNode } from "../pg/sql-client.js";
import { ensureFleetTls } from "../pg/tls.js";
import { bootstrapWriter } from "./bootstrap-sql.js";
import { instanceArn } from "./db-instance-arn.js";
import { EventLog } from "./event-log.js";
import { EngineFault, type FleetOps } from "./fleet-ops.js";
import { type FleetState, readState, writeState } from "./fleet-state.js";
import { acquireEngineLock } from "./lock.js";
import type { NodeHealth } from "./node-monitor.js";
import { assertPortsFree, type PortClaim } from "./ports.js";
import { type NodeContext, RuntimeNode, slotName } from "./runtime-node.js";
import { failOverWriter, rebuildStandby } from "./writer-failover.js";
import { WriterProxy } from "./writer-proxy.js";

export type InstanceStatus = "creating" | "starting" | "available" | "rebooting" | "failed" | "stopping" | "stopped";

export type EngineInstance = {
  id: string;
  kind: "writer" | "replica";
  status: InstanceStatus;
  createdAt: Date;
  dbiResourceId: string;
  endpoint: { host: string; port: number };
  az: string;
  standbyAz?: string;
  sourceId?: string;
  replicaIds: string[];
  health?: NodeHealth;
  standbyHealth?: NodeHealth;
};

export class EngineError extends Error {}

const START_TIMEOUT_MS = 60_000;
/** Consecutive failed one-second probes before a writer that is still running is fenced and failed over. */
const WRITER_UNRESPONSIVE_PROBES = 5;
const AUTOMATIC_RETRY_MS = 5_000;

export class FleetEngine implements FleetOps {
  readonly names: ReturnType<typeof fleetNames>;
  state!: FleetState;
  events!: EventLog;
  private ctx!: NodeContext;
  private nodes = new Map<string, RuntimeNode>();
  private status = new Map<string, InstanceStatus>();
  /** The long-running action in progress per instance: a second one is refused with InvalidDBInstanceState. */
  private readonly actions = new Map<string, string>();
  private proxy!: WriterProxy;
  private releaseLock: (() => void) | undefined;
  private shuttingDown = false;
  credentials!: FleetCredentials;
  engineVersion = "";

  constructor(
    readonly config: EngineConfig,
    readonly fleet: Fleet,
    readonly log: pino.Logger,
    readonly progress: Progress = () => {},
  ) {
    this.names = fleetNames(fleet);
  }

  /** Boots the fleet: cold on an empty data directory, warm otherwise. Resolves once every node replicates. */
  async start(): Promise<void> {
    try {
      await this.prepare();
      if (this.state.complete) await this.warmBoot();
      else await this.coldBoot();
      // One probe before reporting ready, so the first DescribeDBInstances already shows replication state.
      await Promise.all([...this.nodes.values()].map((n) => n.monitor.probe()));
      for (const node of this.nodes.values()) node.monitor.start();
    } catch (error) {
      await this.stop().catch((e) => this.log.error({ err: e }, "cleanup after failed boot failed"));
      if ((error as NodeJS.ErrnoException).code === "ENOSPC") {
        throw new EngineError(
          `The disk holding ${this.config.dataDir} is full. Free some space and run npm start again; nothing was lost.`,
        );
      }
      throw error;
    }
  }

  private async prepare(): Promise<void> {
    const { dataDir } = this.config;
    const runAs = resolveRunAs(this.config.pgUser);
    // Root's postgres account must traverse to its node directories, but needs no listing.
    const dirMode = runAs ? 0o711 : 0o700;
    mkdirSync(dataDir, { recursive: true, mode: dirMode });
    mkdirSync(path.join(dataDir, "nodes"), { recursive: true, mode: dirMode });
    mkdirSync(path.join(dataDir, "logs"), { recursive: true, mode: 0o755 });
    if (runAs) {
      chmodSync(dataDir, dirMode);
      chmodSync(path.join(dataDir, "nodes"), dirMode);
      const blocked = unreachableAncestor(path.join(dataDir, "nodes", "x"), runAs);
      if (blocked) {
        throw new EngineError(
          `Running as root, postgres runs as "${runAs.name}", which cannot reach ${blocked} (its permissions deny it). ` +
            "Set RDSDECK_DATA_DIR to a directory outside it, e.g. under /var/lib.",
        );
      }
    }
    this.releaseLock = acquireEngineLock(dataDir);
    const free = statfsSync(dataDir);
    const freeMb = Math.floor((free.bavail * free.bsize) / 1024 ** 2);
    if (freeMb < this.config.minFreeMb) {
      throw new EngineError(
        `The disk holding ${dataDir} is full or nearly so: ${freeMb} MB free, the fleet needs at least ${this.config.minFreeMb} MB ` +
          "for its data and WAL (RDSDECK_MIN_FREE_MB). Free some space and start again; nothing was changed.",
      );
    }
    this.credentials = ensureCredentials(dataDir, this.fleet.masterUsername);
    this.events = new EventLog(dataDir, (type, id) => instanceArn(this.fleet, type, id), this.log);
    const tls = await ensureFleetTls(dataDir);
    const bin = locateBinaries(dataDir, runAs);
    this.engineVersion = bin.version;
    this.ctx = { dataDir, host: this.config.host, bin, runAs, tls, credentials: this.credentials };

    const existing = readState(dataDir);
    const major = bin.version.split(".")[0] ?? "";
    if (existing?.complete) {
      const versionFile = path.join(dataDir, "nodes", existing.writer.primary.name, "PG_VERSION");
      const onDisk = existsSync(versionFile) ? readFileSync(versionFile, "utf8").trim() : "missing";
      if (existing.pgMajor !== major || onDisk !== major) {
        throw new EngineError(
          `The data directory ${dataDir} holds a PostgreSQL ${onDisk} fleet, but this rdsdeck runs PostgreSQL ${major}. ` +
            "Nothing was changed. Use another RDSDECK_DATA_DIR, or delete it with npm run fleet:reset.",
        );
      }
      this.state = existing;
    } else {
      if (existing || existsSync(path.join(dataDir, "fleet-state.json"))) {
        this.progress("a previous first boot did not finish: rebuilding the fleet from scratch");
      }
      this.state = this.plan(major);
    }
    this.buildNodes();
    // Leftovers of a run killed with SIGKILL must go before the ports are checked.
    for (const node of this.nodes.values()) {
      if (existsSync(node.pgData)) reclaimStalePostmaster(node.pgData);
    }
    await assertPortsFree(
      this.config.host,
      this.portClaims(),
      "Set RDSDECK_PORT_BASE (and RDSDECK_API_PORT) to move the fleet.",
    );
    this.proxy = new WriterProxy(this.config.host, this.state.writer.endpointPort, this.log);
    await this.proxy.listen();
  }

  private plan(major: string): FleetState {
    const az = placement(this.fleet);
    const now = new Date().toISOString();
    const { portBase, nodePortBase } = this.config;
    const resourceId = () => `db-${randomBytes(13).toString("hex").toUpperCase().slice(0, 26)}`;
    return {
      formatVersion: 1,
      pgMajor: major,
      complete: false,
      writer: {
        id: this.names.writer,
        createdAt: now,
        endpointPort: portBase,
        dbiResourceId: resourceId(),
        primary: { name: `${this.names.writer}-a`, port: nodePortBase, az: az.writer },
        standby: this.fleet.multiAz
          ? { name: `${this.names.writer}-b`, port: nodePortBase + 1, az: az.standby }
          : undefined,
      },
      replicas: this.names.replicas.map((id, i) => ({
        id,
        createdAt: now,
        dbiResourceId: resourceId(),
        node: { name: id, port: portBase + i + 1, az: az.replica(i) },
      })),
    };
  }

  private portClaims(): PortClaim[] {
    const s = this.state;
    return [
      { port: s.writer.endpointPort, purpose: `writer endpoint ${s.writer.id}` },
      { port: s.writer.primary.port, purpose: `writer node ${s.writer.primary.name}` },
      ...(s.writer.standby ? [{ port: s.writer.standby.port, purpose: `standby node ${s.writer.standby.name}` }] : []),
      ...s.replicas.map((r) => ({ port: r.node.port, purpose: `replica endpoint ${r.id}` })),
      { port: this.config.apiPort, purpose: "local AWS API" },
    ];
  }

  private buildNodes(): void {
    const add = (name: string, port: number, role: "writer" | "standby" | "replica") =>
      this.nodes.set(
        name,
        new RuntimeNode(
          name,
          port,
          role,
          this.ctx,
          (n, info) => this.onNodeExit(n, info),
          (n, h) => this.onNodeHealth(n, h),
        ),
      );
    add(this.state.writer.primary.name, this.state.writer.primary.port, "writer");
    if (this.state.writer.standby) add(this.state.writer.standby.name, this.state.writer.standby.port, "standby");
    for (const r of this.state.replicas) add(r.node.name, r.node.port, "replica");
    const initial: InstanceStatus = this.state.complete ? "starting" : "creating";
    this.status.set(this.state.writer.id, initial);
    for (const r of this.state.replicas) this.status.set(r.id, initial);
  }

  private node(name: string): RuntimeNode {
    const n = this.nodes.get(name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  primary(): RuntimeNode {
    return this.node(this.state.writer.primary.name);
  }

  standby(): RuntimeNode | undefined {
    return this.state.writer.standby ? this.node(this.state.writer.standby.name) : undefined;
  }

  replicaNodes(): RuntimeNode[] {
    return this.state.replicas.map((r) => this.node(r.node.name));
  }

  private replicaNode(id: string) {
    const r = this.state.replicas.find((x) => x.id === id);
    return r ? this.node(r.node.name) : undefined;
  }

  private followers(): RuntimeNode[] {
    return [...this.nodes.values()].filter((n) => n !== this.primary());
  }

  async startNode(node: RuntimeNode, label: string): Promise<void> {
    this.progress(`${label}: starting postgres on port ${node.port}`);
    node.postmaster.start();
    await waitAccepting(
      node.address,
      this.credentials.admin,
      this.ctx.tls.caCertPem,
      START_TIMEOUT_MS,
      () => node.postmaster.running,
    ).catch((error) => {
      throw new EngineError(`${label} failed to start: ${(error as Error).message}. Log: ${node.logFile}`);
    });
  }

  private async coldBoot(): Promise<void> {
    const s = this.state;
    rmSync(path.join(this.config.dataDir, "nodes"), { recursive: true, force: true });
    mkdirSync(path.join(this.config.dataDir, "nodes"), { mode: this.ctx.runAs ? 0o711 : 0o700 });
    const primary = this.primary();
    this.progress(`writer ${s.writer.id}: initdb (PostgreSQL ${this.engineVersion})`);
    await initdb(this.ctx.bin, primary.pgData, this.credentials.admin, this.ctx.runAs);
    primary.configure({ role: "writer" });
    await this.startNode(primary, `writer ${s.writer.id}`);
    this.proxy.route(primary.port);
    this.progress(
      `writer ${s.writer.id}: creating master user ${this.credentials.master.username} and database ${this.fleet.databaseName}`,
    );
    await withNode(primary.address, this.credentials.admin, this.ctx.tls.caCertPem, (db) =>
      bootstrapWriter(db, this.credentials, this.fleet.databaseName),
    );

    const followers = this.followers();
    this.progress(`base backup of ${s.writer.id} for ${followers.map((f) => f.name).join(", ")}`);
    await this.clone(primary, followers);
    await Promise.all(
      followers.map((f) => {
        f.configure({ role: f.role, upstreamPort: s.writer.endpointPort });
        return this.startNode(f, this.label(f));
      }),
    );
    await this.waitStreaming(followers);
    await this.enableSynchronousStandby();
    s.complete = true;
    writeState(this.config.dataDir, s);
    this.markAll("available");
  }

  private async warmBoot(): Promise<void> {
    for (const node of this.nodes.values()) {
      if (!isInitialised(node.pgData)) {
        throw new EngineError(
          `Node ${node.name} has no data at ${node.pgData}; the data directory is damaged. Run npm run fleet:reset.`,
        );
      }
    }
    const primary = this.primary();
    const rebuild = this.state.writer.standbyNeedsRebuild === true;
    primary.configure({ role: "writer", synchronousStandby: rebuild ? undefined : this.standby()?.name });
    this.proxy.route(primary.port);
    if (rebuild) {
      // A failover was interrupted before the old writer was re-cloned: its data may have diverged.
      this.progress("the standby was being rebuilt when the fleet stopped: rebuilding it now");
      await this.startNode(primary, this.label(primary));
      const replicas = this.replicaNodes();
      for (const r of replicas) r.configure({ role: "replica", upstreamPort: this.state.writer.endpointPort });
      await Promise.all(replicas.map((r) => this.startNode(r, this.label(r))));
      await rebuildStandby(this);
      await this.waitStreaming(replicas);
      this.markAll("available");
      return;
    }
    // The writer waits for its synchronous standby before acknowledging commits, so they start together.
    const followers = this.followers();
    for (const f of followers) f.configure({ role: f.role, upstreamPort: this.state.writer.endpointPort });
    await Promise.all([
      this.startNode(primary, this.label(primary)),
      ...followers.map((f) => this.startNode(f, this.label(f))),
    ]);
    await this.waitStreaming(followers);
    this.markAll("available");
  }

  private label(node: RuntimeNode): string {
    if (node === this.primary()) return `writer ${this.state.writer.id}`;
    if (node === this.standby()) return `standby of ${this.state.writer.id}`;
    return `replica ${node.name}`;
  }

  async waitStreaming(followers: RuntimeNode[], timeoutMs = START_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(followers.map((f) => f.name));
    while (pending.size > 0) {
      const rows = await withNode(this.primary().address, this.credentials.admin, this.ctx.tls.caCertPem, (db) =>
        db.query<{ application_name: string }>(
          "select application_name from pg_stat_replication where state = 'streaming'",
        ),
      );
      for (const r of rows.rows) {
        if (pending.delete(r.application_name))
          this.progress(`${this.label(this.node(r.application_name))}: streaming`);
      }
      if (pending.size === 0) return;
      if (Date.now() > deadline)
        throw new EngineError(`Not streaming after ${START_TIMEOUT_MS} ms: ${[...pending].join(", ")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Set only once the standby streams: a writer that waits for a standby that does not exist yet would hang. */
  private async enableSynchronousStandby(): Promise<void> {
    const standby = this.standby();
    if (!standby) return;
    this.primary().configure({ role: "writer", synchronousStandby: standby.name });
    await withNode(this.primary().address, this.credentials.admin, this.ctx.tls.caCertPem, async (db) => {
      await db.query("select pg_reload_conf()");
      for (let i = 0; i < 100; i++) {
        const { rows } = await db.query(
          "select 1 from pg_stat_replication where application_name = $1 and sync_state = 'sync'",
          [standby.name],
        );
        if (rows.length) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new EngineError(`${standby.name} did not become the synchronous standby`);
    });
    this.progress(`standby of ${this.state.writer.id}: synchronous (commits wait for it)`);
  }

  private markAll(status: InstanceStatus): void {
    for (const id of this.status.keys()) this.status.set(id, status);
  }

  private instanceOf(node: RuntimeNode): string {
    return node === this.primary() || node === this.standby() ? this.state.writer.id : node.name;
  }

  private onNodeExit(node: RuntimeNode, info: ExitInfo): void {
    if (this.shuttingDown) return;
    const id = this.instanceOf(node);
    this.log.error(
      { node: node.name, instance: id, code: info.code, signal: info.signal },
      "postgres exited unexpectedly",
    );
    this.progress(
      `!! ${this.label(node)} (${node.name}) exited unexpectedly (${info.signal ?? `code ${info.code}`}); log: ${node.logFile}`,
    );
    if (node === this.standby()) {
      if (this.actions.has(id)) return; // a failover or rebuild owns the standby right now
      // The writer's commits wait for the standby: bring it back, as RDS recovers a Multi-AZ standby.
      this.progress(`standby of ${id}: restarting`);
      void this.startNode(node, this.label(node)).catch((error) =>
        this.log.error({ err: error, node: node.name }, "standby restart failed"),
      );
      return;
    }
    if (node === this.primary()) {
      this.automaticFailover(`the writer's postgres exited (${info.signal ?? `code ${info.code}`})`);
      return;
    }
    this.status.set(id, "failed");
    this.events.record("replicationError", id, `Its postgres exited (${info.signal ?? `code ${info.code}`}).`);
  }

  private onNodeHealth(node: RuntimeNode, health: NodeHealth): void {
    if (this.shuttingDown || node === this.standby()) return;
    const id = this.instanceOf(node);
    const current = this.status.get(id);
    if (node === this.primary() && !health.answering && health.failures >= WRITER_UNRESPONSIVE_PROBES) {
      this.automaticFailover(`the writer stopped answering (${health.error ?? "no reply"})`);
      return;
    }
    if (!health.answering && health.failures >= 3 && current === "available") {
      this.log.warn({ node: node.name, instance: id, cause: health.error }, "instance stopped answering");
      this.progress(`!! ${this.label(node)} is not answering`);
      this.status.set(id, "failed");
    } else if (health.answering && current === "failed" && node.postmaster.running) {
      this.log.info({ node: node.name, instance: id }, "instance answering again");
      this.status.set(id, "available");
    }
  }

  // ---- FleetOps: what actions may do -------------------------------------------------------------

  routeWriter(port: number | undefined): void {
    this.proxy.route(port);
  }

  setStatus(instanceId: string, status: InstanceStatus): void {
    this.status.set(instanceId, status);
  }

  saveState(): void {
    writeState(this.config.dataDir, this.state);
  }

  async clone(source: RuntimeNode, targets: RuntimeNode[]): Promise<void> {
    await cloneNode({
      source: source.address,
      sourceDataDir: source.pgData,
      admin: this.credentials.admin,
      caCertPem: this.ctx.tls.caCertPem,
      targets: targets.map((t) => ({ dataDir: t.pgData, slot: slotName(t.name) })),
      runAs: this.ctx.runAs,
    });
  }

  asAdmin<T>(node: RuntimeNode, fn: (db: pg.Client) => Promise<T>): Promise<T> {
    return withNode(node.address, this.credentials.admin, this.ctx.tls.caCertPem, fn);
  }

  // ---- Actions ------------------------------------------------------------------------------------

  private instanceIds(): string[] {
    return [this.state.writer.id, ...this.state.replicas.map((r) => r.id)];
  }

  /** Runs an action in the background, one at a time per instance, recording failures as events and logs. */
  private runAction(id: string, name: string, work: () => Promise<void>): void {
    this.actions.set(id, name);
    void work()
      .catch((error: Error) => {
        this.log.error({ err: error, instance: id, action: name }, "action failed");
        this.progress(`!! ${name} of ${id} failed: ${error.message}`);
        this.status.set(id, this.instanceIsUp(id) ? "available" : "failed");
      })
      .finally(() => this.actions.delete(id));
  }

  private instanceIsUp(id: string): boolean {
    const node = id === this.state.writer.id ? this.primary() : this.replicaNode(id);
    return node?.postmaster.running === true;
  }

  /** RebootDBInstance: restarts the instance's postgres, or with forceFailover fails over to the standby. */
  rebootDBInstance(id: string, forceFailover: boolean): void {
    if (!this.instanceIds().includes(id)) throw new EngineFault("DBInstanceNotFound", `DBInstance ${id} not found.`);
    const isWriter = id === this.state.writer.id;
    if (forceFailover && (!isWriter || !this.standby())) {
      throw new EngineFault("InvalidParameterCombination", "Cannot do a forced failover on a non Multi-AZ instance.");
    }
    const status = this.status.get(id);
    // A failed instance may be rebooted: that is how an operator brings a crashed replica back.
    if (this.actions.has(id) || (status !== "available" && status !== "failed")) {
      throw new EngineFault("InvalidDBInstanceState", `Instance ${id} is not in available state (it is ${status}).`);
    }
    if (forceFailover) {
      this.runAction(id, "failover", async () => {
        await failOverWriter(this, { kind: "manual" });
      });
      return;
    }
    this.status.set(id, "rebooting");
    this.runAction(id, "reboot", async () => {
      const node = isWriter ? this.primary() : this.replicaNode(id)!;
      this.events.record("shutdown", id);
      await node.postmaster.stop();
      await this.startNode(node, this.label(node));
      if (!isWriter) await this.waitStreaming([node], 30_000);
      this.status.set(id, "available");
      this.events.record("restarted", id);
    });
  }

  private lastAutomaticAttempt = 0;

  private automaticFailover(cause: string): void {
    const id = this.state.writer.id;
    if (this.shuttingDown || this.actions.has(id)) return;
    // Without a healthy standby there is nothing to fail over to; try again at most every few seconds.
    if (Date.now() - this.lastAutomaticAttempt < AUTOMATIC_RETRY_MS) return;
    this.lastAutomaticAttempt = Date.now();
    this.runAction(id, "failover", async () => {
      const standby = this.standby();
      // Ask the standby now rather than trust the last probe: it may have just been rebuilt.
      const ready = standby?.postmaster.running === true && (await standby.monitor.probe()).answering;
      if (!ready) {
        this.status.set(id, "failed");
        this.log.error({ instance: id, cause }, "writer lost and no healthy standby to fail over to");
        this.progress(`!! ${id}: ${cause}, and no healthy standby to fail over to`);
        return;
      }
      await failOverWriter(this, { kind: "automatic", cause });
    });
  }

  /** The instances as the engine sees them now. */
  instances(): EngineInstance[] {
    const s = this.state;
    const writer: EngineInstance = {
      id: s.writer.id,
      kind: "writer",
      status: this.status.get(s.writer.id) ?? "failed",
      createdAt: new Date(s.writer.createdAt),
      dbiResourceId: s.writer.dbiResourceId,
      endpoint: { host: this.config.host, port: s.writer.endpointPort },
      az: s.writer.primary.az,
      standbyAz: s.writer.standby?.az,
      replicaIds: s.replicas.map((r) => r.id),
      health: this.primary().monitor.health,
      standbyHealth: this.standby()?.monitor.health,
    };
    const replicas = s.replicas.map(
      (r): EngineInstance => ({
        id: r.id,
        kind: "replica",
        status: this.status.get(r.id) ?? "failed",
        createdAt: new Date(r.createdAt),
        dbiResourceId: r.dbiResourceId,
        endpoint: { host: this.config.host, port: r.node.port },
        az: r.node.az,
        sourceId: s.writer.id,
        replicaIds: [],
        health: this.node(r.node.name).monitor.health,
      }),
    );
    return [writer, ...replicas];
  }

  /** Test and drill hook: the physical node serving an instance (the writer's primary, its standby, or a replica). */
  nodeFor(target: "writer" | "standby" | string): RuntimeNode | undefined {
    if (target === "writer") return this.primary();
    if (target === "standby") return this.standby();
    return this.replicaNode(target);
  }

  /** Stops every process in order — replicas, then the writer, then its standby — and releases the data directory. */
  async stop(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    try {
      for (const id of this.status.keys()) this.status.set(id, "stopping");
      await Promise.all([...this.nodes.values()].map((n) => n.monitor.stop()));
      const replicas = [...this.nodes.values()].filter((n) => n.role === "replica");
      await Promise.all(replicas.map((n) => n.postmaster.stop()));
      // The writer's shutdown checkpoint must reach the standby, so the standby goes last.
      if (this.nodes.size) {
        await this.primary().postmaster.stop();
        await this.standby()?.postmaster.stop();
      }
      await this.proxy?.close();
      this.markAll("stopped");
    } finally {
      // Even a boot that failed half-way (before the fleet had a state) must not leave the lock behind.
      this.releaseLock?.();
      this.releaseLock = undefined;
    }
  }
}
