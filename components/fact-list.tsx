import type { ReactNode } from "react";

export type Fact = { term: string; detail: ReactNode };

/** A card's facts as a definition list, two columns on wider cards. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
      {facts.map(({ term, detail }) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs text-slate-600">{term}</dt>
          <dd className="break-words text-slate-900">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
