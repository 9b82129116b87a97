"use client";

import { type ReactNode, useId } from "react";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import type { ActionState } from "@/lib/actions/validated-action";
import { ALARM_COMPARISONS, ALARM_METRICS, ALARM_PERIODS, type AlarmFormValues } from "@/lib/fleet/alarm-form";

type Props = {
  serverAction: (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;
  /** DB instances to offer, as DescribeDBInstances lists them. */
  instances: string[];
} & (
  | { mode: "create" }
  /** An existing alarm's settings; its name cannot change (CloudWatch names are the alarm's identity). */
  | { mode: "edit"; values: AlarmFormValues }
);

/**
 * A label tied by id rather than by nesting: a nested <select> would pull all
 * its options into the label's accessible name.
 */
function Field({ id, text, children }: { id: string; text: string; children: ReactNode }) {
  return (
    <div>
      <label className={labelStyle} htmlFor={id}>
        {text}
      </label>
      {children}
    </div>
  );
}

/**
 * Creates a metric alarm on one instance's Average, or edits one. The server
 * validates again, and its errors show here as written.
 */
export function AlarmForm(props: Props) {
  const { serverAction, mode } = props;
  const values = props.mode === "edit" ? props.values : undefined;
  // An instance that has left the fleet stays selectable, so an edit does not silently move the alarm.
  const instances =
    values && !props.instances.includes(values.instance) ? [values.instance, ...props.instances] : props.instances;
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const id = useId();
  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`${mode}-alarm-form`}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={`${id}-name`} text="Name">
          <input
            className={`${field} read-only:bg-slate-100`}
            defaultValue={values?.name}
            id={`${id}-name`}
            name="name"
            readOnly={mode === "edit"}
            required
          />
        </Field>
        <Field id={`${id}-instance`} text="DB instance">
          <select className={field} defaultValue={values?.instance} id={`${id}-instance`} name="instance">
            {instances.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-metric`} text="Metric">
          <select className={field} defaultValue={values?.metric} id={`${id}-metric`} name="metric">
            {ALARM_METRICS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-comparison`} text="Comparison">
          <select className={field} defaultValue={values?.comparison} id={`${id}-comparison`} name="comparison">
            {ALARM_COMPARISONS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-threshold`} text="Threshold">
          <input
            className={field}
            defaultValue={values?.threshold}
            id={`${id}-threshold`}
            inputMode="decimal"
            name="threshold"
            required
          />
        </Field>
        <Field id={`${id}-period`} text="Period (seconds)">
          <select className={field} defaultValue={values?.period ?? "60"} id={`${id}-period`} name="period">
            {ALARM_PERIODS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-evaluationPeriods`} text="Evaluation periods">
          <input
            className={field}
            defaultValue={values?.evaluationPeriods ?? "1"}
            max={10}
            min={1}
            id={`${id}-evaluationPeriods`}
            name="evaluationPeriods"
            type="number"
          />
        </Field>
      </div>
      <div aria-live="polite" id={`${id}-status`}>
        <FormOutcome state={state} testId={{ error: `${mode}-alarm-error`, done: `${mode}-alarm-done` }} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {mode === "create" ? "Create alarm" : "Save changes"}
      </SubmitButton>
    </form>
  );
}
