import { DataTable } from "@/components/data-table";
import type { AuditEntry } from "@/lib/store/schema";

const outcomeStyle: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-900",
  denied: "bg-amber-100 text-amber-950",
  invalid: "bg-slate-200 text-slate-900",
  failed: "bg-red-100 text-red-900",
  requested: "bg-sky-100 text-sky-900",
};

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="audit-empty">
        No audit entries match.
      </p>
    );
  }
  return (
    <DataTable
      caption="Audit entries, newest first"
      columns={["Time (UTC)", "Actor", "Role", "Action", "Target", "Outcome", "Parameters / error", "Request"]}
      testId="audit-table"
    >
      {entries.map((e) => (
        <tr data-testid="audit-row" key={e.id}>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            {e.at.toISOString().replace("T", " ").slice(0, 19)}
          </td>
          <td className="px-3 py-2" data-testid="audit-actor">
            {e.actor}
          </td>
          <td className="px-3 py-2">{e.actorRole ?? "—"}</td>
          <td className="px-3 py-2 font-medium" data-testid="audit-action">
            {e.action}
          </td>
          <td className="px-3 py-2" data-testid="audit-target">
            {e.target ?? "—"}
          </td>
          <td className="px-3 py-2">
            <span
              className={`rounded px-1.5 py-0.5 text-xs font-medium ${outcomeStyle[e.outcome] ?? ""}`}
              data-testid="audit-outcome"
            >
              {e.outcome}
            </span>
          </td>
          <td className="max-w-md px-3 py-2 font-mono text-xs text-slate-700">
            {Object.keys(e.parameters as object).length > 0 ? JSON.stringify(e.parameters) : ""}
            {e.error ? <span className="block text-red-800">{e.error}</span> : null}
          </td>
          <td className="px-3 py-2 font-mono text-xs text-slate-500">{e.requestId?.slice(0, 8) ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
