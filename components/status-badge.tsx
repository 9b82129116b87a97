import { CircleCheck, CircleStop, CircleX, LoaderCircle, type LucideIcon } from "lucide-react";
import { type StatusTone, statusTone } from "@/lib/fleet/status-tone";

/**
 * The one place that decides how a state looks. Every page shows instance,
 * replication and alarm states through this badge or `toneStyles`.
 */
export const toneStyles: Record<StatusTone, { badge: string; accent: string; icon: LucideIcon }> = {
  ok: {
    badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
    accent: "border-l-emerald-500",
    icon: CircleCheck,
  },
  progress: { badge: "bg-amber-50 text-amber-900 ring-amber-600/40", accent: "border-l-amber-500", icon: LoaderCircle },
  trouble: { badge: "bg-red-50 text-red-800 ring-red-600/30", accent: "border-l-red-600", icon: CircleX },
  inactive: { badge: "bg-slate-100 text-slate-700 ring-slate-500/30", accent: "border-l-slate-400", icon: CircleStop },
};

type Props = {
  status: string;
  /** Shown before the status, e.g. "replication". */
  label?: string;
  testId?: string;
  /** For states that are not RDS statuses (a failover's phase): which tone they read as. */
  tone?: StatusTone;
};

export function StatusBadge({ status, label, testId, tone: given }: Props) {
  const tone = given ?? statusTone(status);
  const { badge, icon: Icon } = toneStyles[tone];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge}`}
      data-tone={tone}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {label ? <span>{label}:</span> : null}
      <span data-testid={testId}>{status}</span>
    </span>
  );
}
