import Link from "next/link";
import { instanceHref } from "@/components/instance-href";

/** The way from an instance's page to its log viewer. */
export function InstanceLogsLink({ identifier }: { identifier: string }) {
  return (
    <p className="text-sm text-slate-700">
      <Link
        className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950"
        data-testid="instance-logs-link"
        href={`${instanceHref(identifier)}/logs`}
      >
        Logs
      </Link>
      : PostgreSQL's log files of this instance — the newest lines, followed live, searched, downloaded.
    </p>
  );
}
