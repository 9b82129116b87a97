import Link from "next/link";
import { eventCategories, eventSourceTypes } from "@/lib/fleet/event-model";
import { type EventQuery, eventWindows } from "@/lib/fleet/event-query";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";
const label = "block text-xs font-medium text-slate-700";

/**
 * The events page's filters: a plain GET form, so a filtered view is a URL
 * that can be shared, bookmarked and reloaded, and it works without JavaScript.
 */
export function EventFilters({ query }: { query: EventQuery }) {
  return (
    <form
      action="/events"
      aria-label="Event filters"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
      method="get"
    >
      <div>
        <label className={label} htmlFor="filter-source">
          Source identifier
        </label>
        <input
          autoComplete="off"
          className={field}
          defaultValue={query.source ?? ""}
          id="filter-source"
          name="source"
          placeholder="e.g. production-myapp"
          spellCheck={false}
          type="text"
        />
      </div>
      <div>
        <label className={label} htmlFor="filter-type">
          Source type
        </label>
        <select className={field} defaultValue={query.type ?? ""} id="filter-type" name="type">
          <option value="">Any type</option>
          {eventSourceTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className={label} htmlFor="filter-category">
          Category
        </label>
        <select className={field} defaultValue={query.category ?? ""} id="filter-category" name="category">
          <option value="">Any category</option>
          {eventCategories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className={label} htmlFor="filter-window">
          Time
        </label>
        <select className={field} defaultValue={query.window} id="filter-window" name="window">
          {Object.entries(eventWindows).map(([key, { label: text }]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          type="submit"
        >
          Apply filters
        </button>
        <Link
          className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          href="/events"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
