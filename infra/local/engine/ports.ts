/** Checks up front that every port the fleet needs is free, naming the one that is not. */
import net from "node:net";

export class PortInUseError extends Error {}

export type PortClaim = { port: number; purpose: string };

function probe(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

export async function assertPortsFree(host: string, claims: PortClaim[], hint: string): Promise<void> {
  for (const claim of claims) {
    const error = await probe(host, claim.port);
    if (error?.code === "EADDRINUSE") {
      throw new PortInUseError(`Port ${claim.port} (${claim.purpose}) on ${host} is already in use. ${hint}`);
    }
    if (error) throw new PortInUseError(`Cannot listen on ${host}:${claim.port} (${claim.purpose}): ${error.message}`);
  }
}

/**
 * Endpoint ports of the fleet's range: the writer takes portBase, the first
 * replicas portBase + 1…, and the writer's two nodes portBase + 10 and + 11;
 * instances created later (replicas, restores, promotions keep theirs) take
 * the first free port of portBase + 1…9, then portBase + 12…79.
 */
export function endpointPortCandidates(portBase: number): number[] {
  const low = Array.from({ length: 9 }, (_, i) => portBase + 1 + i);
  const high = Array.from({ length: 68 }, (_, i) => portBase + 12 + i);
  return [...low, ...high];
}

export async function allocatePort(
  host: string,
  candidates: number[],
  taken: ReadonlySet<number>,
): Promise<number | undefined> {
  for (const port of candidates) {
    if (taken.has(port)) continue;
    if ((await probe(host, port)) === undefined) return port;
  }
  return undefined;
}

/** Whether a port can be listened on now. */
export async function portIsFree(host: string, port: number): Promise<boolean> {
  return (await probe(host, port)) === undefined;
}
