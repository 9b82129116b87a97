import Link from "next/link";
import type { ReactNode } from "react";
import { type Fact, FactList } from "@/components/fact-list";
import { RoleLabel } from "@/components/role-label";
import { StatusBadge, toneStyles } from "@/components/status-badge";
import type { NodeRole } from "@/lib/fleet/fleet-model";
import { statusTone } from "@/lib/fleet/status-tone";

type Props = {
  testId: string;
  headingId: string;
  title: string;
  nodeRole: NodeRole;
  replication?: "synchronous" | "asynchronous";
  status: string;
  facts: Fact[];
  /** Extra badges under the title, e.g. the replication state. */
  badges?: ReactNode;
  /** The instance page the title links to. */
  href: string;
  /** Names of the CloudWatch alarms on this instance that are in ALARM. */
  firingAlarms?: string[];
};

/** The frame shared by writer, standby and replica cards: role, name, status, facts. */
export function NodeCard(props: Props) {
  const { testId, headingId, title, nodeRole, replication, status, facts, badges, href, firingAlarms = [] } = props;
  const accent = toneStyles[statusTone(status)].accent;
  const firing = firingAlarms.length > 0;
  return (
    <article
      aria-labelledby={headingId}
      className={`h-full rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${accent} ${firing ? "ring-2 ring-red-500" : ""}`}
      data-alarm-state={firing ? "ALARM" : undefined}
      data-testid={testId}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <RoleLabel replication={replication} nodeRole={nodeRole} />
          <h3 className="truncate text-base font-semibold text-slate-900" id={headingId} title={title}>
            <Link
              className="rounded-sm underline decoration-slate-300 underline-offset-4 hover:decoration-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
              data-testid="instance-link"
              href={href}
            >
              {title}
            </Link>
          </h3>
        </div>
        <StatusBadge status={status} testId="status" />
      </div>
      {badges ? <div className="mt-2 flex flex-wrap gap-2">{badges}</div> : null}
      {firing ? (
        <p className="mt-2 text-sm text-red-800" data-testid="node-alarm">
          <Link className="font-medium underline underline-offset-2" href="/alarms?state=ALARM">
            In ALARM
          </Link>
          : {firingAlarms.join(", ")}
        </p>
      ) : null}
      <FactList facts={facts} />
    </article>
  );
}
