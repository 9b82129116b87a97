import { DatabaseLoadChart } from "@/components/database-load-chart";
import { type TopSqlRow, TopSqlTable } from "@/components/top-sql-table";
import type { DatabaseLoad } from "@/lib/fleet/database-load-model";
import { type MetricRange, metricRanges } from "@/lib/fleet/metric-range";

type Props = {
  identifier: string;
  range: MetricRange;
  vcpus: number | undefined;
  result: { load: DatabaseLoad; topSql: TopSqlRow[] } | { unavailable: string };
};

/** Performance Insights on the instance page: DB load by wait event over the metrics' range, and the top SQL. */
export function DatabaseLoadSection({ identifier, range, vcpus, result }: Props) {
  const { label } = metricRanges[range];
  return (
    <section aria-labelledby="database-load-title" className="space-y-3" data-testid="database-load">
      <h2 className="text-lg font-semibold text-slate-900" id="database-load-title">
        Database load ({label})
      </h2>
      {"unavailable" in result ? (
        <p
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
          data-testid="database-load-unavailable"
          role="alert"
        >
          Performance Insights cannot be read: {result.unavailable}
        </p>
      ) : result.load.points.length === 0 ? (
        <p
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="database-load-empty"
        >
          Performance Insights has no samples of {identifier} in the {label} yet.
        </p>
      ) : (
        <>
          <DatabaseLoadChart load={result.load} vcpus={vcpus} />
          <h3 className="text-base font-semibold text-slate-900">Top SQL</h3>
          {result.topSql.length === 0 ? (
            <p className="text-sm text-slate-700" data-testid="top-sql-empty">
              No SQL was running when {identifier} was sampled in the {label}.
            </p>
          ) : (
            <TopSqlTable statements={result.topSql} />
          )}
        </>
      )}
    </section>
  );
}
