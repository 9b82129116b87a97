// Serves the Next.js app (production build, or dev with --dev) for the launcher.
// A custom server rather than `next start` so that it exits when the launcher
// goes away (its IPC channel closes), even if the launcher was killed with SIGKILL.
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// The users API and /health are a hot path: the app registers (from
// instrumentation.ts, inside the Next server) a router that serves them
// straight from node:http with the same handlers the route files use,
// skipping Next's per-request pipeline. Everything else goes through Next.
const FAST_PATH = Symbol.for("rdsdeck.apiFastPath");
const server = http.createServer((req, res) => {
  const fast = globalThis[FAST_PATH];
  if (fast?.matches(req.url)) fast.serve(req, res);
  else handle(req, res);
});
server.keepAliveTimeout = 65_000;

const stop = () => server.close(() => process.exit(0)).closeAllConnections();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);

server.listen(port, hostname, () => {
  process.send?.({ type: "ready", url: `http://${hostname}:${port}` });
});
