/**
 * `npm start` (and `npm run dev` with --dev): the local fleet, its AWS API and
 * the dashboard, in one command. The fleet runs as a child process (so its
 * replication traffic and the app use both cores), the app as another; both
 * exit when this launcher exits, however it exits.
 */
import { type ChildProcess, fork } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { buildApp, buildIsStale } from "./build-if-stale";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const say = (m: string) => process.stdout.write(`[rdsdeck] ${m}\n`);

const appEnv = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
  })
  .safeParse(process.env);
if (!appEnv.success) {
  const issue = appEnv.error.issues[0];
  process.stderr.write(`Invalid ${String(issue?.path[0])}: ${issue?.message}\n`);
  process.exit(2);
}
const { PORT, HOST } = appEnv.data;

type Ready = { type: "ready"; env?: Record<string, string>; url?: string };

function waitReady(child: ChildProcess, what: string): Promise<Ready> {
  return new Promise((resolve, reject) => {
    child.once("message", (m: Ready) =>
      m?.type === "ready" ? resolve(m) : reject(new Error(`${what}: unexpected message`)),
    );
    child.once("exit", (code, signal) =>
      reject(new Error(`${what} exited before it was ready (${signal ?? `exit ${code}`})`)),
    );
  });
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen({ port, host, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // The app first (it stops taking requests), then the fleet (which stops its nodes in order).
    for (const child of [...children].reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  }
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

async function main(): Promise<void> {
  if (!(await portFree(PORT, HOST))) {
    throw new Error(`Port ${PORT} (the dashboard) on ${HOST} is already in use. Set PORT to another port.`);
  }
  say("starting the local fleet");
  const fleet = fork(path.join(root, "infra/local/main.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  children.push(fleet);
  const fleetReady = waitReady(fleet, "the local fleet");
  if (!dev && buildIsStale(root)) buildApp(root, say);
  const { env: fleetVars } = await fleetReady;
  fleet.on("exit", (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[rdsdeck] the local fleet stopped unexpectedly (${signal ?? `exit ${code}`}); stopping\n`);
    void stopAll(1);
  });

  const app = fork(path.join(root, "scripts/app-server.mjs"), dev ? ["--dev"] : [], {
    cwd: root,
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      ...fleetVars,
      RDSDECK_MODE: "local",
      PORT: String(PORT),
      HOST,
      NODE_ENV: dev ? "development" : "production",
    },
  });
  children.push(app);
  const { url } = await waitReady(app, "the dashboard");
  app.on("exit", (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[rdsdeck] the dashboard stopped unexpectedly (${signal ?? `exit ${code}`}); stopping\n`);
    void stopAll(1);
  });
  say(`dashboard ready: ${url}   (Ctrl-C stops everything)`);
}

main().catch((error: Error) => {
  process.stderr.write(`[rdsdeck] ${error.message}\n`);
  void stopAll(1);
});
