import Link from "next/link";
import type { InputHTMLAttributes, ReactNode } from "react";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";
const labelStyle = "block text-xs font-medium text-slate-700";

/**
 * A list page's filters: a plain GET form, so a filtered view is a URL that
 * can be shared, bookmarked and reloaded, and it works without JavaScript.
 * Clear goes back to the unfiltered page.
 */
export function FilterForm({
  action,
  label,
  grid,
  submitLabel,
  children,
}: {
  action: string;
  /** The form's accessible name. */
  label: string;
  /** The grid's column classes for wider screens. */
  grid: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      action={action}
      aria-label={label}
      className={`grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${grid}`}
      method="get"
    >
      {children}
      <div className="flex items-end gap-2">
        <button
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          type="submit"
        >
          {submitLabel}
        </button>
        <Link
          className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          href={action}
        >
          Clear
        </Link>
      </div>
    </form>
  );
}

type Labelled = { id: string; name: string; label: string };

/** A free-text (or date) filter; other input attributes pass through. */
export function FilterText({
  id,
  name,
  label,
  ...input
}: Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className">) {
  return (
    <div>
      <label className={labelStyle} htmlFor={id}>
        {label}
      </label>
      <input className={field} id={id} name={name} type="text" {...input} />
    </div>
  );
}

/** One value out of a list; `any`, when given, is the first option and means "no filter". */
export function FilterChoice({
  id,
  name,
  label,
  defaultValue,
  any,
  options,
}: Labelled & { defaultValue: string | undefined; any?: string; options: { value: string; text: string }[] }) {
  return (
    <div>
      <label className={labelStyle} htmlFor={id}>
        {label}
      </label>
      <select className={field} defaultValue={defaultValue} id={id} name={name}>
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options whose text is their value. */
export const asOptions = (values: readonly string[]) => values.map((value) => ({ value, text: value }));
