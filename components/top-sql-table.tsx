import type { TopSqlView } from "@/lib/fleet/database-load-model";
import { StatementLoadChart } from "./statement-load-chart";

export type TopSqlRow = TopSqlView;

const fixed = (v: number, digits: number) => v.toFixed(digits);

/**
 * The SQL loading the instance most, one row per digest: its share of the
 * load and pg_stat_statements' rates. Each statement opens (a native
 * <details>, so it works with the keyboard) onto its full text and its load
 * over the page's range.
 */
export function TopSqlTable({ statements }: { statements: TopSqlRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="top-sql">
        <caption className="sr-only">Top SQL by load, heaviest first</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th className="px-3 py-2" scope="col">
              Statement
            </th>
            <th className="px-3 py-2 text-right" scope="col">
              Load (AAS)
            </th>
            <th className="px-3 py-2 text-right" scope="col">
              Calls/s
            </th>
            <th className="px-3 py-2 text-right" scope="col">
              Mean ms/call
            </th>
            <th className="px-3 py-2 text-right" scope="col">
              Rows/s
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {statements.map((s) => (
            <tr data-testid="top-sql-row" key={s.id}>
              <td className="max-w-xl px-3 py-2 align-top">
                <details>
                  <summary
                    className="cursor-pointer truncate font-mono text-xs text-slate-900"
                    data-testid="top-sql-statement"
                  >
                    {s.statement || "(statement not yet known)"}
                  </summary>
                  <pre
                    className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs text-slate-800"
                    data-testid="top-sql-full-text"
                  >
                    {s.fullText ?? s.statement}
                  </pre>
                  {s.fullText === undefined ? (
                    <p className="mt-1 text-xs text-slate-600">
                      The full text is no longer kept; this is the normalised digest.
                    </p>
                  ) : (
                    <p className="mt-1 text-xs text-slate-600">One execution of this digest, as the database saw it.</p>
                  )}
                  <StatementLoadChart points={s.loadOverTime} />
                </details>
              </td>
              <td className="px-3 py-2 text-right align-top tabular-nums" data-testid="top-sql-load">
                {fixed(s.load, 2)}
              </td>
              <td className="px-3 py-2 text-right align-top tabular-nums">{fixed(s.callsPerSecond, 2)}</td>
              <td className="px-3 py-2 text-right align-top tabular-nums" data-testid="top-sql-mean-ms">
                {s.meanMsPerCall === undefined ? "—" : fixed(s.meanMsPerCall, 1)}
              </td>
              <td className="px-3 py-2 text-right align-top tabular-nums">{fixed(s.rowsPerSecond, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
