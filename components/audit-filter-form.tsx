import { asOptions, FilterChoice, FilterForm, FilterText } from "@/components/filter-form";
import { outcomes } from "@/lib/audit/audit-filters";

/** A plain GET form: a filtered audit view is a URL, and the export takes the same query. */
export function AuditFilterForm({ actions, values }: { actions: string[]; values: Record<string, string> }) {
  return (
    <FilterForm action="/audit" grid="sm:grid-cols-3 lg:grid-cols-7" label="Audit filters" submitLabel="Apply">
      <FilterText defaultValue={values.actor} id="audit-actor" label="Actor" name="actor" />
      <FilterChoice
        any="Any action"
        defaultValue={values.action}
        id="audit-action"
        label="Action"
        name="action"
        options={asOptions(actions)}
      />
      <FilterText defaultValue={values.target} id="audit-target" label="Target" name="target" />
      <FilterChoice
        any="Any outcome"
        defaultValue={values.outcome}
        id="audit-outcome"
        label="Outcome"
        name="outcome"
        options={asOptions(outcomes)}
      />
      <FilterText defaultValue={values.from} id="audit-from" label="From (UTC)" name="from" type="datetime-local" />
      <FilterText defaultValue={values.to} id="audit-to" label="To (UTC)" name="to" type="datetime-local" />
    </FilterForm>
  );
}
