import { TriangleAlert } from "lucide-react";
import type { ErrorDetail } from "@/lib/errors";

type Props = {
  issues: ErrorDetail[];
  /** The query as given, to quote the offending values. */
  params: Record<string, string | string[] | undefined>;
  /** What the page does instead, or how to get going again. */
  clearHint: string;
};

/** A page's query string failed validation: say which parameter, what it was, and what it should be. */
export function InvalidQuery({ issues, params, clearHint }: Props) {
  return (
    <section
      aria-labelledby="invalid-query-title"
      className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-900"
      data-testid="invalid-query"
      role="alert"
    >
      <h2 className="flex items-center gap-2 text-lg font-semibold" id="invalid-query-title">
        <TriangleAlert aria-hidden="true" className="size-5 shrink-0" />
        These filters cannot be used
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {issues.map((issue) => (
          <li key={`${issue.field}-${issue.message}`}>
            <code className="font-mono">{issue.field}</code>
            {quote(params[issue.field])}: {issue.message}.
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">{clearHint}</p>
    </section>
  );
}

function quote(value: string | string[] | undefined): string {
  if (value === undefined) return "";
  const text = Array.isArray(value) ? value.join(", ") : value;
  return ` (given "${text.length > 80 ? `${text.slice(0, 80)}…` : text}")`;
}
