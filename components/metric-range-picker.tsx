import Link from "next/link";
import { type MetricRange, metricRanges } from "@/lib/fleet/metric-range";

/** 1 h / 3 h / 12 h / 24 h as links: the range lives in the URL, so it survives a reload and can be shared. */
export function MetricRangePicker({ current, basePath }: { current: MetricRange; basePath: string }) {
  return (
    <nav aria-label="Metric time range" className="inline-flex rounded-md border border-slate-300 bg-white text-sm">
      {Object.entries(metricRanges).map(([key, { short }]) => {
        const active = key === current;
        return (
          <Link
            aria-current={active ? "true" : undefined}
            className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-sky-600 ${
              active ? "bg-sky-700 font-medium text-white" : "text-slate-700 hover:bg-slate-50"
            }`}
            href={`${basePath}?range=${key}`}
            key={key}
            // The charts are below the fold: keep the reader's place when the range changes.
            scroll={false}
          >
            {short}
          </Link>
        );
      })}
    </nav>
  );
}
