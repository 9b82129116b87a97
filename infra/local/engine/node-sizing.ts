/**
 * The sizing of a node: its instance's class's memory settings, with
 * max_connections at least as high as any instance it replicates with
 * (primary, standby, read replicas — and, during a class change, the class
 * being left). A hot standby refuses to replay WAL from a primary that allows
 * more connections than it does, so followers must never allow fewer.
 */
import type { NodeSizing } from "../pg/node-files";
import { type FleetState, replicasOf } from "./fleet-state";
import { nodeSizing, UNSIZED } from "./instance-classes";

export function sizingOfNode(state: FleetState, nodeName: string): NodeSizing {
  const owner = state.instances.find((i) => i.node.name === nodeName || i.standby?.name === nodeName);
  if (!owner) return UNSIZED;
  const root = (owner.role === "replica" && state.instances.find((i) => i.id === owner.sourceId)) || owner;
  const family = [root, ...replicasOf(state, root.id)];
  const classes = family.flatMap((i) => (i.classChangeFrom ? [i.instanceClass, i.classChangeFrom] : [i.instanceClass]));
  const own = nodeSizing(owner.instanceClass);
  return { ...own, maxConnections: Math.max(...classes.map((c) => nodeSizing(c).maxConnections)) };
}
