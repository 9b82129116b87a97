import type { DbInstance, ReplicaNode, Topology } from "./fleet-model";

/**
 * Groups instances into topologies by ReadReplicaSourceDBInstanceIdentifier:
 * every instance whose source is not in the listing roots one topology, and
 * replicas hang under their source, replicas of replicas included.
 */
export function groupTopologies(instances: DbInstance[]): Topology[] {
  const byId = new Map(instances.map((i) => [i.identifier, i]));
  const children = new Map<string, DbInstance[]>();
  for (const instance of instances) {
    const source = instance.sourceIdentifier;
    if (source === undefined || !byId.has(source)) continue;
    children.set(source, [...(children.get(source) ?? []), instance]);
  }

  // A malformed listing could contain a replication cycle; never recurse twice into one instance.
  const placed = new Set<string>();
  const replicasOf = (id: string): ReplicaNode[] =>
    sortById(children.get(id) ?? [])
      .filter((replica) => !placed.has(replica.identifier))
      .map((replica) => {
        placed.add(replica.identifier);
        return {
          role: "replica",
          replication: "asynchronous",
          instance: replica,
          replicas: replicasOf(replica.identifier),
        };
      });

  const toTopology = (writer: DbInstance): Topology => {
    placed.add(writer.identifier);
    return {
      writer,
      externalSource: writer.sourceIdentifier,
      standby: writer.multiAz
        ? {
            role: "standby",
            writerIdentifier: writer.identifier,
            availabilityZone: writer.secondaryAvailabilityZone,
            replication: "synchronous",
            status: writer.status,
          }
        : undefined,
      replicas: replicasOf(writer.identifier),
    };
  };

  const roots = instances.filter((i) => i.sourceIdentifier === undefined || !byId.has(i.sourceIdentifier));
  const topologies = sortById(roots).map(toTopology);
  // Instances caught in a cycle have no root; show them rather than lose them.
  for (const orphan of sortById(instances)) {
    if (!placed.has(orphan.identifier)) topologies.push(toTopology(orphan));
  }
  return topologies;
}

const sortById = (instances: DbInstance[]) => [...instances].sort((a, b) => a.identifier.localeCompare(b.identifier));
