import Link from "next/link";
import type { ReactNode } from "react";
import { RoleLabel } from "@/components/role-label";
import { StatusBadge } from "@/components/status-badge";

/** The instance page's breadcrumb, name, role and status, with its refresh control beside them. */
export function InstanceHeading({
  identifier,
  role,
  status,
  children,
}: {
  identifier: string;
  role?: "writer" | "replica";
  status?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link className="underline underline-offset-2 hover:text-slate-900" href="/">
          Fleet overview
        </Link>{" "}
        / <span aria-current="page">{identifier}</span>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          {role ? <RoleLabel nodeRole={role} /> : null}
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{identifier}</h1>
            {status ? <StatusBadge status={status} testId="instance-status" /> : null}
          </div>
        </div>
        {children}
      </div>
    </div>
  );
}
