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
const server = http.createServer((req, res) => handle(req, res));
server.keepAliveTimeout = 65_000;

const stop = () => server.close(() => process.exit(0)).closeAllConnections();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);

server.listen(port, hostname, () => {
  process.send?.({ type: "ready", url: `http://${hostname}:${port}` });
});
