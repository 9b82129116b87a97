import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuditFilterForm } from "@/components/audit-filter-form";
import { AuditTable } from "@/components/audit-table";
import { filtersFrom } from "@/lib/audit/audit-filters";
import { listAudit, listAuditActions } from "@/lib/audit/list-audit";
import { requireRole } from "@/lib/auth/require-role";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SHOWN = 200;

export default async function AuditPage({ searchParams }: Props) {
  await connection();
  await requireRole("viewer", "/audit");
  const params = await searchParams;
  const parsed = filtersFrom(params);
  const raw = Object.fromEntries(
    ["actor", "action", "target", "outcome", "from", "to"].map((k) => {
      const v = params[k];
      return [k, (Array.isArray(v) ? v[0] : v) ?? ""];
    }),
  );
  const exportHref = `/audit/export?${new URLSearchParams(Object.entries(raw).filter(([, v]) => v !== "")).toString()}`;
  const [entries, actions] = parsed.success
    ? await Promise.all([listAudit({ filters: parsed.data, limit: SHOWN }), listAuditActions()])
    : [[], await listAuditActions()];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
          <p className="text-sm text-slate-600">
            Every action, sign-in and user or key change, newest first (the latest {SHOWN} shown). Entries are never
            edited or deleted.
          </p>
        </div>
        <Link
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          data-testid="audit-export"
          href={exportHref}
          prefetch={false}
        >
          Export as JSON lines
        </Link>
      </div>
      <AuditFilterForm actions={actions} values={raw} />
      {parsed.success ? (
        <AuditTable entries={entries} />
      ) : (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" role="alert">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      )}
    </div>
  );
}
