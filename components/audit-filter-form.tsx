import Link from "next/link";
import { outcomes } from "@/lib/audit/audit-filters";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";
const label = "block text-xs font-medium text-slate-700";

/** A plain GET form: a filtered audit view is a URL, and the export takes the same query. */
export function AuditFilterForm({ actions, values }: { actions: string[]; values: Record<string, string> }) {
  return (
    <form
      action="/audit"
      aria-label="Audit filters"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-7"
      method="get"
    >
      <div>
        <label className={label} htmlFor="audit-actor">
          Actor
        </label>
        <input className={field} defaultValue={values.actor} id="audit-actor" name="actor" type="text" />
      </div>
      <div>
        <label className={label} htmlFor="audit-action">
          Action
        </label>
        <select className={field} defaultValue={values.action} id="audit-action" name="action">
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className={label} htmlFor="audit-target">
          Target
        </label>
        <input className={field} defaultValue={values.target} id="audit-target" name="target" type="text" />
      </div>
      <div>
        <label className={label} htmlFor="audit-outcome">
          Outcome
        </label>
        <select className={field} defaultValue={values.outcome} id="audit-outcome" name="outcome">
          <option value="">Any outcome</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className={label} htmlFor="audit-from">
          From (UTC)
        </label>
        <input className={field} defaultValue={values.from} id="audit-from" name="from" type="datetime-local" />
      </div>
      <div>
        <label className={label} htmlFor="audit-to">
          To (UTC)
        </label>
        <input className={field} defaultValue={values.to} id="audit-to" name="to" type="datetime-local" />
      </div>
      <div className="flex items-end gap-2">
        <button
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          type="submit"
        >
          Apply
        </button>
        <Link className="px-2 py-1.5 text-sm font-medium text-slate-700 underline underline-offset-2" href="/audit">
          Clear
        </Link>
      </div>
    </form>
  );
}
