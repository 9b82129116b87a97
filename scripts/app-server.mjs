// Serves the Next.js app (production build, or dev with --dev) for the launcher.
// A custom server rather than `next start` so that it exits when the launcher
// goes away (its IPC channel closes), even if the launcher was killed with SIGKILL.
// With RDSDECK_APP_WORKERS > 1 it runs that many server processes on one port
// (node:cluster), each a full Next server with its own database pools.
import cluster from "node:cluster";
import http from "node:http";
import next from "next";
import { clientAddress } from "./client-address.mjs";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const workers = dev ? 1 : Number(process.env.RDSDECK_APP_WORKERS ?? 1);
const url = `http://${hostname}:${port}`;
// Validated with every other variable when the app starts (lib/store-env-vars.ts).
const trustedProxyHops = Number(process.env.RDSDECK_TRUSTED_PROXY_HOPS ?? 0) || 0;

if (cluster.isPrimary && workers > 1) {
  // Let the kernel spread connections: the primary then never touches a request.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let listening = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("listening", () => {
    if (++listening === workers) process.send?.({ type: "ready", url });
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`[rdsdeck] dashboard worker ${worker.process.pid} exited (${signal ?? code}); stopping\n`);
    process.exit(1);
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    cluster.disconnect(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);
} else {
  const app = next({ dev, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The users API and /health are a hot path: the app registers (from
  // instrumentation.ts, inside the Next server) a router that serves them
  // straight from node:http with the same handlers the route files use,
  // skipping Next's per-request pipeline. Everything else goes through Next.
  const FAST_PATH = Symbol.for("rdsdeck.apiFastPath");
  const server = http.createServer((req, res) => {
    // The client's address, for sign-in throttling and the audit trail: from the socket, or from what our own
    // proxies appended (RDSDECK_TRUSTED_PROXY_HOPS) — never from what the client claims.
    req.headers["x-rdsdeck-client-ip"] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustedProxyHops,
    );
    const fast = globalThis[FAST_PATH];
    if (fast?.matches(req.url)) fast.serve(req, res);
    else handle(req, res);
  });
  server.keepAliveTimeout = 65_000;

  // The API's audit entries are written in batches: the last one goes to the store before the exit.
  const stop = () =>
    server
      .close(async () => {
        await globalThis[FAST_PATH]?.drain?.();
        process.exit(0);
      })
      .closeAllConnections();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);

  server.listen(port, hostname, () => {
    if (cluster.isPrimary) process.send?.({ type: "ready", url });
  });
}
