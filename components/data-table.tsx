import type { ReactNode } from "react";

/** A column's header text; a column of buttons still has a name, read to screen readers only. */
export type Column = string | { srOnly: string };

type Props = {
  /** Read to screen readers only; says what the rows are and in which order. */
  caption: string;
  /** Header cells in order; a table that hides a column leaves it out of this list and out of its rows. */
  columns: Column[];
  testId?: string;
  /** The body's rows. */
  children: ReactNode;
};

/** The frame every dashboard table shares, so they all scroll, caption and head their columns alike. */
export function DataTable({ caption, columns, testId, children }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>{columns.map(header)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

function header(column: Column) {
  const label = typeof column === "string" ? column : column.srOnly;
  return (
    // A table never heads two columns alike, so the label tells them apart.
    <th className="px-3 py-2 font-semibold" key={label} scope="col">
      {typeof column === "string" ? label : <span className="sr-only">{label}</span>}
    </th>
  );
}
