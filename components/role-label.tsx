import type { NodeRole } from "@/lib/fleet/fleet-model";

type Props = {
  nodeRole: NodeRole;
  /** How this node receives changes: a standby synchronously, a replica asynchronously. */
  replication?: "synchronous" | "asynchronous";
};

export function RoleLabel({ nodeRole, replication }: Props) {
  return (
    <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
      <span data-testid="role">{nodeRole}</span>
      {replication ? <span className="font-normal normal-case tracking-normal"> · {replication}</span> : null}
    </p>
  );
}
