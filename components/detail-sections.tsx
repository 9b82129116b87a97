import type { ReactNode } from "react";
import { UtcTime } from "@/components/utc-time";
import type { DetailFact, DetailSection } from "@/lib/fleet/instance-detail-sections";

/** Everything DescribeDBInstances says about an instance, one card per group. */
export function DetailSections({ sections }: { sections: DetailSection[] }) {
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      {sections.map((section) => {
        const headingId = `section-${slug(section.title)}`;
        return (
          <section
            aria-labelledby={headingId}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            key={section.title}
          >
            <h3 className="text-sm font-semibold text-slate-900" id={headingId}>
              {section.title}
            </h3>
            <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
              {section.facts.map((fact) => (
                <div className="min-w-0" data-testid={`fact-${slug(fact.term)}`} key={fact.term}>
                  <dt className="text-xs text-slate-600">{fact.term}</dt>
                  <dd className={`break-words text-slate-900 ${fact.mono ? "font-mono text-[0.8125rem]" : ""}`}>
                    {render(fact.value)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function render(value: DetailFact["value"]): ReactNode {
  if (value === undefined || value === "") return <span className="text-slate-500">—</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return <UtcTime date={value} />;
  if (Array.isArray(value)) return value.length === 0 ? <span className="text-slate-500">none</span> : value.join(", ");
  return String(value);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
