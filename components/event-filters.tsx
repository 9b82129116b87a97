import { asOptions, FilterChoice, FilterForm, FilterText } from "@/components/filter-form";
import { eventCategories, eventSourceTypes } from "@/lib/fleet/event-model";
import { type EventQuery, eventWindows } from "@/lib/fleet/event-query";

/** The events page's filters: source, type, category and time window. */
export function EventFilters({ query }: { query: EventQuery }) {
  return (
    <FilterForm action="/events" grid="sm:grid-cols-2 lg:grid-cols-5" label="Event filters" submitLabel="Apply filters">
      <FilterText
        autoComplete="off"
        defaultValue={query.source ?? ""}
        id="filter-source"
        label="Source identifier"
        name="source"
        placeholder="e.g. production-myapp"
        spellCheck={false}
      />
      <FilterChoice
        any="Any type"
        defaultValue={query.type ?? ""}
        id="filter-type"
        label="Source type"
        name="type"
        options={asOptions(eventSourceTypes)}
      />
      <FilterChoice
        any="Any category"
        defaultValue={query.category ?? ""}
        id="filter-category"
        label="Category"
        name="category"
        options={asOptions(eventCategories)}
      />
      <FilterChoice
        defaultValue={query.window}
        id="filter-window"
        label="Time"
        name="window"
        options={Object.entries(eventWindows).map(([value, { label }]) => ({ value, text: label }))}
      />
    </FilterForm>
  );
}
