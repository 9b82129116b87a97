/**
 * The local fleet: DB instances — primaries (one with its synchronous
 * Multi-AZ standby), read replicas, standalone instances restored from
 * snapshots or promoted from replicas — as real postgres processes wired by
 * streaming replication. Holds the runtime (nodes, endpoints, statuses,
 * actions) that boot, supervision and the actions in their own modules work
 * through (FleetOps).
 */

import { existsSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type pino from "pino";
import { type Fleet, fleetNames } from "../../fleet";
import type { EngineConfig } from "../config";
import type { Progress } from "../log";
import { cloneNode } from "../pg/base-backup";
import type { FleetCredentials } from "../pg/credentials";
import type { NodeRole } from "../pg/node-files";
import { reclaimStalePostmaster } from "../pg/postmaster";
import { type NodeClientOptions, waitAccepting, withNode } from "../pg/sql-client";
import { ActionRunner } from "./action-runner";
import { AutomaticRestarts } from "./automatic-restart";
import { EngineError, type EngineInstance, type InstanceStatus } from "./engine-instance";
import { prepareDataDir } from "./engine-prepare";
import type { EventLog } from "./event-log";
import { coldBoot, settlePendingInstances, warmBoot } from "./fleet-boot";
import { EngineFault, type EngineHooks, type FleetOps } from "./fleet-ops";
import { type FleetState, type InstanceRecord, writeState } from "./fleet-state";
import { viewInstances } from "./instance-view";
import { LogRetention } from "./log-retention";
import { sizingOfNode } from "./node-sizing";
import { NodeSupervisor } from "./node-supervision";
import { settleParametersAfterBoot } from "./parameters/apply-parameters";
import { ParameterGroups } from "./parameters/parameter-groups";
import { PendingMaintenance } from "./pending-maintenance";
import { allocateEndpointPort, assertPortsFree, fleetPortClaims } from "./ports";
import { waitStreaming } from "./replication-wait";
import { type NodeContext, RuntimeNode, slotName } from "./runtime-node";
import { AutomatedBackups } from "./snapshots/automated-backups";
import { restoreWindowOf } from "./snapshots/restore-window";
import { RetainedBackups } from "./snapshots/retained-backups";
import { SnapshotStore } from "./snapshots/snapshot-store";
import { archiveCommand, archiveDirOf, prepareArchiveDir } from "./snapshots/wal-archive";
import { StorageWatcher } from "./storage-watcher";
import { WriterProxy } from "./writer-proxy";

const START_TIMEOUT_MS = 60_000;

export type EngineOptions = { now?: () => Date };

export class FleetEngine implements FleetOps {
  readonly names: ReturnType<typeof fleetNames>;
  state!: FleetState;
  events!: EventLog;
  credentials!: FleetCredentials;
  engineVersion = "";
  readonly actions: ActionRunner;
  readonly hooks: EngineHooks = {};
  snapshots!: SnapshotStore;
  parameterGroups!: ParameterGroups;
  retained!: RetainedBackups;
  private ctx!: NodeContext;
  private readonly nodes = new Map<string, RuntimeNode>();
  private readonly statuses = new Map<string, InstanceStatus>();
  private readonly endpoints = new Map<string, WriterProxy>();
  /** Ports handed to instances being created, between allocation and their record entering the state. */
  private readonly reservedPorts = new Set<number>();
  private readonly supervisor: NodeSupervisor;
  /** The daily automated snapshots; `backups.backupNow` is the manual trigger. */
  readonly backups: AutomatedBackups;
  /** Applies queued modifications in each instance's maintenance window; `maintenance.applyDue` is the test seam. */
  readonly maintenance: PendingMaintenance;
  /** Deletes server log files past rds.log_retention_period. */
  private readonly logRetention: LogRetention;
  /** Starts instances stopped for 7 days, as RDS does. */
  readonly automaticRestarts: AutomaticRestarts;
  /** Low storage, storage-full and storage autoscaling; `storage.check()` is the test seam. */
  readonly storage: StorageWatcher;
  private releaseLock: (() => void) | undefined;
  private shuttingDown = false;
  private readonly clock: () => Date;
  /** Called after every change to the instances is saved (engine.json follows the topology). */
  onStateSaved: (() => void) | undefined;

  constructor(
    readonly config: EngineConfig,
    readonly fleet: Fleet,
    readonly log: pino.Logger,
    readonly progress: Progress = () => {},
    options: EngineOptions = {},
  ) {
    this.names = fleetNames(fleet);
    this.clock = options.now ?? (() => new Date());
    this.actions = new ActionRunner(log, progress);
    this.supervisor = new NodeSupervisor(this, () => this.shuttingDown);
    this.backups = new AutomatedBackups(this);
    this.maintenance = new PendingMaintenance(this);
    this.automaticRestarts = new AutomaticRestarts(this);
    this.storage = new StorageWatcher(this);
    this.logRetention = new LogRetention(path.join(config.dataDir, "logs"), log, () => this.now());
  }

  now(): Date {
    return this.clock();
  }

  get stopping(): boolean {
    return this.shuttingDown;
  }

  get nodeContext(): NodeContext {
    return this.ctx;
  }

  /** Boots the fleet: cold on an empty data directory, warm otherwise. Resolves once every node replicates. */
  async start(): Promise<void> {
    try {
      const prepared = await prepareDataDir(this.config, this.fleet, this.log, this.progress, this.now(), (release) => {
        this.releaseLock = release;
      });
      this.ctx = prepared.ctx;
      this.ctx.archiveCommandOf = (nodeName) => this.archiveCommandOf(nodeName);
      this.ctx.sizingOf = (nodeName) => sizingOfNode(this.state, nodeName);
      this.credentials = prepared.credentials;
      this.events = prepared.events;
      this.engineVersion = prepared.engineVersion;
      this.state = prepared.state;
      this.snapshots = new SnapshotStore(this.config.dataDir, this.log);
      this.parameterGroups = new ParameterGroups(this);
      // A storage-full instance's read-only setting wins over its parameter group's.
      this.ctx.parametersOf = (nodeName) => ({
        ...this.parameterGroups.valuesForNode(nodeName),
        ...this.storage.parametersOf(nodeName),
      });
      this.retained = new RetainedBackups(path.join(this.config.dataDir, "backups"));
      if (this.state.complete) settlePendingInstances(this, this.config.dataDir);
      for (const i of this.state.instances) {
        this.addNode(i.node.name, i.node.port, i.role === "replica" ? "replica" : "writer");
        if (i.standby) this.addNode(i.standby.name, i.standby.port, "standby");
        this.statuses.set(i.id, this.state.complete ? "starting" : "creating");
      }
      // Leftovers of a run killed with SIGKILL must go before the ports are checked.
      for (const node of this.nodes.values()) {
        if (existsSync(node.pgData)) reclaimStalePostmaster(node.pgData);
      }
      await assertPortsFree(
        this.config.host,
        fleetPortClaims(this.state, this.config.apiPort),
        "Set RDSDECK_PORT_BASE (and RDSDECK_API_PORT) to move the fleet.",
      );
      for (const i of this.state.instances) await this.openEndpoint(i);
      if (this.state.complete) await warmBoot(this);
      else await coldBoot(this, this.ctx);
      settleParametersAfterBoot(this);
      // One probe before reporting ready, so the first DescribeDBInstances already shows replication state.
      await this.archiveTails();
      // A stopped instance's nodes are down on purpose: not probed, so never reported failed.
      const running = [...this.nodes.values()].filter((n) => !this.stoppedNodeNames().has(n.name));
      await Promise.all(running.map((n) => n.monitor.probe()));
      for (const node of running) node.monitor.start();
      if (this.config.automatedBackups) this.backups.start();
      if (this.config.maintenanceWindow) this.maintenance.start();
      this.logRetention.start();
      this.automaticRestarts.start();
      this.storage.start();
      // One stopped for 7 days while the engine was down starts now, as RDS would have started it then.
      this.automaticRestarts.check();
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

  /** The nodes of instances StopDBInstance stopped. */
  private stoppedNodeNames(): Set<string> {
    return new Set(
      this.state.instances
        .filter((i) => i.stopped)
        .flatMap((i) => [i.node.name, ...(i.standby ? [i.standby.name] : [])]),
    );
  }

  // ---- FleetOps: what boot, supervision and actions may do -----------------------------------------

  requireInstance(id: string): InstanceRecord {
    const instance = this.state.instances.find((i) => i.id === id);
    if (!instance) throw new EngineFault("DBInstanceNotFound", `DBInstance ${id} not found.`);
    return instance;
  }

  findNode(name: string): RuntimeNode | undefined {
    return this.nodes.get(name);
  }

  node(name: string): RuntimeNode {
    const n = this.nodes.get(name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  addNode(name: string, port: number, role: NodeRole): RuntimeNode {
    const node = new RuntimeNode(
      name,
      port,
      role,
      this.ctx,
      (n, info) => this.supervisor.onExit(n, info),
      (n, h) => this.supervisor.onHealth(n, h),
    );
    this.nodes.set(name, node);
    return node;
  }

  async removeNode(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    await node.monitor.stop();
    await node.postmaster.stop();
    this.nodes.delete(name);
  }

  /** A primary reached through a forwarder (Multi-AZ: it follows failovers) gets one; others are reached directly. */
  async openEndpoint(instance: InstanceRecord): Promise<void> {
    if (instance.role !== "writer" || instance.endpointPort === instance.node.port) return;
    if (this.endpoints.has(instance.id)) return;
    const proxy = new WriterProxy(this.config.host, instance.endpointPort, this.log);
    await proxy.listen();
    this.endpoints.set(instance.id, proxy);
  }

  routeEndpoint(instanceId: string, nodePort: number | undefined): void {
    this.endpoints.get(instanceId)?.route(nodePort);
  }

  async closeEndpoint(instanceId: string): Promise<void> {
    const proxy = this.endpoints.get(instanceId);
    this.endpoints.delete(instanceId);
    await proxy?.close();
  }

  status(instanceId: string): InstanceStatus | undefined {
    return this.statuses.get(instanceId);
  }

  setStatus(instanceId: string, status: InstanceStatus): void {
    this.statuses.set(instanceId, status);
  }

  settleStatus(instanceId: string): void {
    const instance = this.state.instances.find((i) => i.id === instanceId);
    if (!instance) {
      this.statuses.delete(instanceId);
      return;
    }
    // A stopped instance's nodes are down on purpose: an action on it that failed leaves it stopped, not failed.
    if (instance.stopped) this.statuses.set(instanceId, "stopped");
    else this.statuses.set(instanceId, this.nodes.get(instance.node.name)?.postmaster.running ? "available" : "failed");
  }

  saveState(): void {
    writeState(this.config.dataDir, this.state);
    this.onStateSaved?.();
  }

  async startNode(node: RuntimeNode, label: string): Promise<void> {
    this.progress(`${label}: starting postgres on port ${node.port}`);
    // Parameters held until a restart (pending-reboot) are this start's to apply: its files get them first.
    if (this.parameterGroups?.releaseHeld(node.name)) node.reconfigure();
    node.postmaster.start();
    await waitAccepting(
      node.address,
      this.credentials.admin,
      this.ctx.tls.caCertPem,
      START_TIMEOUT_MS,
      () => node.postmaster.running,
    ).catch((error) => {
      throw new EngineError(`${label} failed to start: ${(error as Error).message}; ${node.logPointer()}`);
    });
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

  asAdmin<T>(node: RuntimeNode, fn: (db: pg.Client) => Promise<T>, opts?: NodeClientOptions): Promise<T> {
    return withNode(node.address, this.credentials.admin, this.ctx.tls.caCertPem, fn, opts);
  }

  waitStreaming(source: RuntimeNode, followers: RuntimeNode[], timeoutMs = START_TIMEOUT_MS): Promise<void> {
    return waitStreaming(this, source, followers, timeoutMs);
  }

  async allocatePort(requested?: number): Promise<number> {
    const port = await allocateEndpointPort(this.config, this.state, this.reservedPorts, requested);
    this.reservedPorts.add(port);
    return port;
  }

  releasePort(port: number): void {
    this.reservedPorts.delete(port);
  }

  /** The archive command of the instance whose writer or standby `nodeName` is, when it keeps automated backups. */
  private archiveCommandOf(nodeName: string): string | undefined {
    const instance = this.state.instances.find(
      (i) => i.role === "writer" && (i.node.name === nodeName || i.standby?.name === nodeName),
    );
    if (!instance || instance.backupRetentionPeriod === 0) return undefined;
    const dir = archiveDirOf(this.config.dataDir, instance.dbiResourceId);
    prepareArchiveDir(dir, this.ctx.runAs);
    return archiveCommand(dir);
  }

  /**
   * Completes each archiving writer's current WAL segment at boot, so what was
   * committed before the engine (re)started reaches the archive now, rather
   * than whenever that segment fills.
   */
  private async archiveTails(): Promise<void> {
    for (const i of this.state.instances) {
      const node = this.nodes.get(i.node.name);
      if (i.role !== "writer" || i.backupRetentionPeriod === 0 || !node?.postmaster.running) continue;
      await this.asAdmin(node, (db) => db.query("select pg_switch_wal()")).catch((error: Error) =>
        this.log.warn({ instance: i.id, err: error.message }, "could not switch WAL for the archive at boot"),
      );
    }
  }

  // ---- What the API and tests see ------------------------------------------------------------------

  /** The instances as the engine sees them now. */
  instances(): EngineInstance[] {
    return viewInstances(
      this.fleet,
      this.state,
      this.config.host,
      (id) => this.statuses.get(id),
      (name) => this.nodes.get(name),
      (record) => restoreWindowOf(this, record),
      this.now(),
    );
  }

  /** The node serving an instance now (a Multi-AZ primary's current primary node). */
  nodeServing(instanceId: string): RuntimeNode | undefined {
    const instance = this.state.instances.find((i) => i.id === instanceId);
    return instance ? this.nodes.get(instance.node.name) : undefined;
  }

  /** Test and drill hook: the fleet writer's primary node ("writer"), its standby ("standby"), or an instance's node. */
  nodeFor(target: "writer" | "standby" | string): RuntimeNode | undefined {
    if (target === "standby") {
      const standby = this.state.instances.find((i) => i.id === this.names.writer)?.standby;
      return standby ? this.nodes.get(standby.name) : undefined;
    }
    return this.nodeServing(target === "writer" ? this.names.writer : target);
  }

  /** Stops every process in order — replicas, then primaries, then standbys — and releases the data directory. */
  async stop(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    try {
      this.backups.stop();
      this.maintenance.stop();
      this.logRetention.stop();
      this.automaticRestarts.stop();
      await this.storage.stop();
      for (const id of this.statuses.keys()) this.statuses.set(id, "stopping");
      await Promise.all([...this.nodes.values()].map((n) => n.monitor.stop()));
      const byRole = (role: NodeRole) => [...this.nodes.values()].filter((n) => n.role === role);
      await Promise.all(byRole("replica").map((n) => n.postmaster.stop()));
      // A writer's shutdown checkpoint must reach its standby, so standbys go last.
      await Promise.all(byRole("writer").map((n) => n.postmaster.stop()));
      await Promise.all(byRole("standby").map((n) => n.postmaster.stop()));
      await Promise.all([...this.endpoints.keys()].map((id) => this.closeEndpoint(id)));
      // Actions see the nodes go and fail; their cleanup must finish before the directory is released.
      await this.actions.idle(30_000);
      for (const id of this.statuses.keys()) this.statuses.set(id, "stopped");
    } finally {
      // Even a boot that failed half-way (before the fleet had a state) must not leave the lock behind.
      this.releaseLock?.();
      this.releaseLock = undefined;
    }
  }
}
