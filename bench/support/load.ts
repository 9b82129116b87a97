/**
 * Drives one scenario with N connections: wrk (Debian's package, `apt-get install -y wrk`)
 * when it is installed, autocannon otherwise (slower: it competes with the servers for the
 * same two cores, so figures from it are lower for both sides). Returns req/s, p50, p99 and
 * how many responses were not 2xx or failed at the socket (a run with errors is not a result).
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  /** wrk script under bench/wrk (for requests that vary). */
  wrkScript?: string;
  /** autocannon equivalent of the wrk script. */
  nextRequest?: () => { path: string; body?: string };
};

export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; tool: string };

export const hasWrk = () => spawnSync("wrk", ["--version"]).error === undefined;

const toMs = (v: string) => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
};

function runWrk(
  base: string,
  s: Scenario,
  seconds: number,
  connections: number,
  env: Record<string, string>,
  headers: Record<string, string>,
): LoadResult {
  // wrk needs at least one connection per thread: a lone client gets one thread.
  const args = [`-t${Math.min(2, connections)}`, `-c${connections}`, `-d${seconds}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  if (s.wrkScript) args.push("-s", path.join(import.meta.dirname, "..", "wrk", s.wrkScript));
  args.push(`${base}${s.path}`);
  const out = execFileSync("wrk", args, { encoding: "utf8", env: { ...process.env, ...env } });
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? "";
  return {
    requestsPerSecond: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(pick(/\n\s+50%\s+(\S+)/)),
    p99Ms: toMs(pick(/\n\s+99%\s+(\S+)/)),
    errors: Number(pick(/Non-2xx or 3xx responses:\s+(\d+)/) || 0) + socketErrors(out),
    tool: "wrk",
  };
}

/** wrk's "Socket errors: connect 0, read 0, write 0, timeout 0" line, summed. */
function socketErrors(out: string): number {
  const line = /Socket errors:([^\n]*)/.exec(out)?.[1] ?? "";
  return [...line.matchAll(/(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function runAutocannon(
  base: string,
  s: Scenario,
  seconds: number,
  connections: number,
  headers: Record<string, string>,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${base}${s.path}`,
    headers,
    connections,
    duration: seconds,
    method: s.method ?? "GET",
    requests: s.nextRequest
      ? [
          {
            setupRequest: (req) => {
              const next = s.nextRequest!();
              return {
                ...req,
                path: next.path,
                body: next.body,
                headers: { ...req.headers, "content-type": "application/json" },
              };
            },
          },
        ]
      : undefined,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    tool: "autocannon",
  };
}

export async function drive(
  base: string,
  s: Scenario,
  opts: { seconds: number; connections: number; env: Record<string, string>; headers?: Record<string, string> },
): Promise<LoadResult> {
  const headers = opts.headers ?? {};
  return hasWrk()
    ? runWrk(base, s, opts.seconds, opts.connections, opts.env, headers)
    : runAutocannon(base, s, opts.seconds, opts.connections, headers);
}
