/** A physical node at run time: its files, its process, and its monitor. */
import { createHash } from "node:crypto";
import path from "node:path";
import type { PgBinaries } from "../pg/binaries";
import type { FleetCredentials } from "../pg/credentials";
import { type NodeRole, type NodeSettings, type NodeSizing, writeNodeFiles } from "../pg/node-files";
import { NodeLogs } from "../pg/node-logs";
import { type ExitInfo, Postmaster } from "../pg/postmaster";
import type { RunAs } from "../pg/run-as";
import type { FleetTls } from "../pg/tls";
import { UNSIZED } from "./instance-classes";
import { type NodeHealth, NodeMonitor } from "./node-monitor";
import { ARCHIVE_TIMEOUT_SECONDS } from "./snapshots/wal-archive";

export type NodeContext = {
  dataDir: string;
  host: string;
  bin: PgBinaries;
  runAs: RunAs | undefined;
  tls: FleetTls;
  credentials: FleetCredentials;
  /** The WAL archive command of the instance a writer or standby node serves, if it keeps automated backups. */
  archiveCommandOf?: (nodeName: string) => string | undefined;
  /** The values of the DB parameter group of the instance a node serves (rdsdeck-parameters.conf). */
  parametersOf?: (nodeName: string) => Record<string, string>;
  /** The settings sized for the class of the instance a node serves. */
  sizingOf?: (nodeName: string) => NodeSizing;
};

export class RuntimeNode {
  readonly postmaster: Postmaster;
  readonly monitor: NodeMonitor;
  readonly pgData: string;
  /** What configure() was last given, so reconfigure() can write the same role with current settings. */
  private configuration: NodeConfiguration | undefined;
  /** Its server log files (what DescribeDBLogFiles lists for the instance it serves) and its early output. */
  readonly logs: NodeLogs;

  constructor(
    readonly name: string,
    readonly port: number,
    public role: NodeRole,
    private readonly ctx: NodeContext,
    onExit: (node: RuntimeNode, info: ExitInfo) => void,
    onHealth: (node: RuntimeNode, health: NodeHealth) => void,
  ) {
    this.pgData = path.join(ctx.dataDir, "nodes", name);
    this.logs = new NodeLogs(nodeLogDir(ctx.dataDir, name));
    // Its folder must exist before postgres first starts: its stderr goes to a file there.
    this.logs.prepare(ctx.runAs);
    this.postmaster = new Postmaster(
      name,
      this.pgData,
      ctx.bin,
      ctx.runAs,
      { path: this.logs.startupFile, each: "start" },
      (info) => onExit(this, info),
      () => this.logs.markStart(),
    );
    this.monitor = new NodeMonitor(this.address, ctx.credentials.admin, ctx.tls.caCertPem, (h) => onHealth(this, h));
  }

  get address() {
    return { host: this.ctx.host, port: this.port };
  }

  /** "log: <file>; it says: …" for this run of its postgres, for messages about why it failed. */
  logPointer(): string {
    return this.logs.pointer();
  }

  /** The last problems its postgres logged since it last started. */
  lastProblems(max?: number): string[] {
    return this.logs.problems(max);
  }

  /** Writes this node's config for its role; followers stream through the writer endpoint. */
  configure(opts: NodeConfiguration): void {
    this.role = opts.role;
    this.configuration = opts;
    const settings: NodeSettings = {
      dataDir: this.pgData,
      name: this.name,
      port: this.port,
      role: opts.role,
      runAs: this.ctx.runAs,
      synchronousStandby: opts.synchronousStandby,
      logDirectory: this.logs.errorDir,
      recovery: opts.recovery,
      parameters: this.ctx.parametersOf?.(this.name) ?? {},
      sizing: this.ctx.sizingOf?.(this.name) ?? UNSIZED,
      archive: archiveSettings(opts.role === "replica" ? undefined : this.ctx.archiveCommandOf?.(this.name)),
      upstream:
        opts.role === "writer" || opts.upstreamPort === undefined
          ? undefined
          : {
              host: this.ctx.host,
              port: opts.upstreamPort,
              user: this.ctx.credentials.replication.username,
              password: this.ctx.credentials.replication.password,
              slot: slotName(this.name),
            },
    };
    writeNodeFiles(settings, this.ctx.tls);
  }

  /**
   * Writes its config again as last configured, with what the instance's
   * settings say now (its archive command follows BackupRetentionPeriod); a
   * reload makes it live. Nothing before the node was first configured.
   */
  reconfigure(): boolean {
    if (!this.configuration) return false;
    this.configure(this.configuration);
    return true;
  }
}

type NodeConfiguration = {
  role: NodeRole;
  upstreamPort?: number;
  synchronousStandby?: string;
  recovery?: { restoreCommand: string; targetTime?: string };
};

/** `logs/<node>`: outside the data directory, so snapshots and clones never copy a node's logs. */
export function nodeLogDir(dataDir: string, nodeName: string): string {
  return path.join(dataDir, "logs", nodeName);
}

function archiveSettings(command: string | undefined): NodeSettings["archive"] {
  return command ? { command, timeoutSeconds: ARCHIVE_TIMEOUT_SECONDS } : undefined;
}

/** Replication slot names allow only [a-z0-9_] and at most 63 characters; long names keep a hash of the rest. */
export function slotName(nodeName: string): string {
  const plain = nodeName.replace(/[^a-z0-9_]/g, "_");
  if (plain.length <= 63) return plain;
  return `${plain.slice(0, 54)}_${createHash("sha256").update(nodeName).digest("hex").slice(0, 8)}`;
}
