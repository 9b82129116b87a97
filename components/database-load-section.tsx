import { DatabaseLoadChart } from "@/components/database-load-chart";
import { SectionState } from "@/components/section-state";
import { type TopSqlRow, TopSqlTable } from "@/components/top-sql-table";
import type { DatabaseLoad } from "@/lib/fleet/database-load-model";
import { type MetricRange, metricRanges } from "@/lib/fleet/metric-range";
import type { Settled } from "@/lib/page-data/settle";

type Props = {
  identifier: string;
  range: MetricRange;
  vcpus: number | undefined;
  result: Settled<{ load: DatabaseLoad; topSql: TopSqlRow[] }>;
};

/** Performance Insights on the instance page: DB load by wait event over the metrics' range, and the top SQL. */
export function DatabaseLoadSection({ identifier, range, vcpus, result }: Props) {
  const { label } = metricRanges[range];
  return (
    <section aria-labelledby="database-load-title" className="space-y-3" data-testid="database-load">
      <h2 className="text-lg font-semibold text-slate-900" id="database-load-title">
        Database load ({label})
      </h2>
      <SectionState
        cannotRead="Performance Insights cannot be read"
        empty={`Performance Insights has no samples of ${identifier} in the ${label} yet.`}
        isEmpty={({ load }) => load.points.length === 0}
        result={result}
        testId="database-load"
      >
        {({ load, topSql }) => (
          <>
            <DatabaseLoadChart load={load} vcpus={vcpus} />
            <h3 className="text-base font-semibold text-slate-900">Top SQL</h3>
            {topSql.length === 0 ? (
              <p className="text-sm text-slate-700" data-testid="top-sql-empty">
                No SQL was running when {identifier} was sampled in the {label}.
              </p>
            ) : (
              <TopSqlTable statements={topSql} />
            )}
          </>
        )}
      </SectionState>
    </section>
  );
}
