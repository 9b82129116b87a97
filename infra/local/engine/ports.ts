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
