/** Checks up front that every port the fleet needs is free, naming the one that is not; hands out new endpoint ports. */
import net from "node:net";
import type { EngineConfig } from "../config";
import { EngineFault } from "./fleet-ops";
import type { FleetState } from "./fleet-state";

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
 * the first free port of portBase + 1…9, then portBase + 12…79 but + 20,
 * which is rdsdeck's own store's (config.storePort).
 */
export function endpointPortCandidates(portBase: number): number[] {
  const low = Array.from({ length: 9 }, (_, i) => portBase + 1 + i);
  const high = Array.from({ length: 68 }, (_, i) => portBase + 12 + i).filter((p) => p !== portBase + 20);
  return [...low, ...high];
}

/** A port for a new instance: the one asked for if free, else the first free candidate no instance holds. */
export async function allocateEndpointPort(
  config: EngineConfig,
  state: FleetState,
  reserved: ReadonlySet<number>,
  requested?: number,
): Promise<number> {
  const taken = new Set<number>([config.apiPort, ...reserved]);
  for (const i of state.instances) {
    taken.add(i.endpointPort);
    taken.add(i.node.port);
    if (i.standby) taken.add(i.standby.port);
  }
  if (requested !== undefined) {
    if (taken.has(requested) || (await probe(config.host, requested)) !== undefined) {
      throw new EngineFault("InvalidParameterValue", `Port ${requested} is already in use on ${config.host}.`);
    }
    return requested;
  }
  for (const port of endpointPortCandidates(config.portBase)) {
    if (!taken.has(port) && (await probe(config.host, port)) === undefined) return port;
  }
  throw new EngineFault("InvalidParameterValue", "No free endpoint port is left in the fleet's port range.");
}

/** Every port the fleet's instances listen on, named as the port-in-use message names them. */
export function fleetPortClaims(state: FleetState, apiPort: number): PortClaim[] {
  const claims: PortClaim[] = [];
  for (const i of state.instances) {
    if (i.role === "replica") {
      claims.push({ port: i.endpointPort, purpose: `replica endpoint ${i.id}` });
      continue;
    }
    if (i.endpointPort !== i.node.port) claims.push({ port: i.endpointPort, purpose: `writer endpoint ${i.id}` });
    claims.push({ port: i.node.port, purpose: `writer node ${i.node.name}` });
    if (i.standby) claims.push({ port: i.standby.port, purpose: `standby node ${i.standby.name}` });
  }
  claims.push({ port: apiPort, purpose: "local AWS API" });
  return claims;
}
