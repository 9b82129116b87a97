/**
 * One postgres server process, started and stopped by the engine. It runs in
 * its own process group so a terminal's Ctrl-C reaches only the engine, which
 * then stops the nodes in order.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PgBinaries } from "./binaries";
import { isProcessAlive } from "./process-alive";
import type { RunAs } from "./run-as";

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; expected: boolean };

/**
 * Where postgres's stderr goes: appended to (a server that logs there all
 * along), or rewritten at each start (a node whose logging collector takes
 * over at once, so the file holds only what this start said before it).
 */
export type StderrFile = { path: string; each: "append" | "start" };

export class Postmaster {
  private child: ChildProcess | undefined;
  private stopping = false;
  private exited: Promise<ExitInfo> | undefined;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    private readonly bin: PgBinaries,
    private readonly runAs: RunAs | undefined,
    private readonly stderr: StderrFile,
    private readonly onUnexpectedExit: (info: ExitInfo) => void,
    /** Called just before each start, e.g. to note where this run's log lines will begin. */
    private readonly beforeStart: () => void = () => {},
  ) {}

  get pid(): number | undefined {
    // A process killed by a signal has exitCode null too: check both.
    const c = this.child;
    return c && c.exitCode === null && c.signalCode === null ? c.pid : undefined;
  }

  get running(): boolean {
    return this.pid !== undefined;
  }

  start(): void {
    if (this.running) return;
    reclaimStalePostmaster(this.dataDir);
    this.beforeStart();
    const log = openSync(this.stderr.path, this.stderr.each === "start" ? "w" : "a", 0o640);
    const child = spawn(this.bin.postgres, ["-D", this.dataDir], {
      detached: true,
      stdio: ["ignore", log, log],
      uid: this.runAs?.uid,
      gid: this.runAs?.gid,
      // A minimal environment: the engine's own (AWS keys, database URLs) is none of postgres's business.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C" } as Record<
        string,
        string
      > as NodeJS.ProcessEnv,
    });
    closeSync(log);
    this.stopping = false;
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        const info = { code, signal, expected: this.stopping };
        if (!info.expected) this.onUnexpectedExit(info);
        resolve(info);
      });
    });
  }

  /** Fast shutdown (SIGINT): active transactions roll back, everything committed is on disk. */
  async stop(timeoutMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || this.pid === undefined || !this.exited) return;
    this.stopping = true;
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGQUIT"), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** For tests and crash drills: kill -9, as a host failure would. */
  crash(): void {
    this.child?.kill("SIGKILL");
  }

  /** Resolves when the process exits, for whatever reason. */
  async waitExit(): Promise<ExitInfo | undefined> {
    return this.exited;
  }
}

/**
 * A previous engine killed with SIGKILL leaves its postgres processes running
 * (they are in their own process group). Stop such a leftover for this data
 * directory so the node can start; a stale postmaster.pid is handled by
 * postgres itself once the process is gone.
 */
export function reclaimStalePostmaster(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes("postgres") || path.resolve(dirLine ?? "") !== path.resolve(dataDir)) return;
  const waitGone = (ms: number) => {
    const deadline = Date.now() + ms;
    while (isProcessAlive(pid) && Date.now() < deadline)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    return !isProcessAlive(pid);
  };
  process.kill(pid, "SIGINT"); // fast shutdown: clean, no recovery needed on the next start
  if (waitGone(10_000)) return;
  process.kill(pid, "SIGQUIT"); // immediate: the node recovers from WAL on start, as after a crash
  if (!waitGone(5_000)) process.kill(pid, "SIGKILL");
}
