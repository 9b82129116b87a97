"use client";

import { useId } from "react";
import { type ModifyField, shownValue } from "@/lib/fleet/modify-summary";

const control =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";

type FieldProps = {
  field: ModifyField;
  label: string;
  /** What the instance has now, as the form holds it. */
  current: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * Only a changed field is sent (it carries its name then): ModifyDBInstance gets exactly what the operator
   * changed, never an echo of the current value (RDS refuses the same storage size, for one).
   */
  changed: boolean;
  /** More about the field's shape or limits, after "Now: …". */
  hint?: string;
  /** The refusal's id while one is shown, so a screen reader reads it with the field. */
  errorId: string | undefined;
};

/** A field with its current value beside it: "Now: db.t3.micro." */
function Hint({ id, field, current, hint }: { id: string; field: ModifyField; current: string; hint?: string }) {
  return (
    <p className="mt-1 text-xs text-slate-600" id={id}>
      Now: <span data-testid={`modify-current-${field}`}>{shownValue(field, current)}</span>.{hint ? ` ${hint}` : ""}
    </p>
  );
}

export function ModifyTextField({ field, label, current, value, onChange, changed, hint, errorId }: FieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div>
      <label className="block text-sm font-medium text-slate-900" htmlFor={id}>
        {label}
      </label>
      <input
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ")}
        autoComplete="off"
        className={control}
        data-testid={`action-field-${field}`}
        id={id}
        name={changed ? field : undefined}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        type="text"
        value={value}
      />
      <Hint current={current} field={field} hint={hint} id={hintId} />
    </div>
  );
}

export function ModifySelectField({
  choices,
  ...props
}: FieldProps & { choices: readonly { value: string; label: string }[] }) {
  const { field, label, current, value, onChange, changed, hint, errorId } = props;
  const id = useId();
  const hintId = useId();
  return (
    <div>
      <label className="block text-sm font-medium text-slate-900" htmlFor={id}>
        {label}
      </label>
      <select
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ")}
        className={control}
        data-testid={`action-field-${field}`}
        id={id}
        name={changed ? field : undefined}
        onChange={(e) => onChange(e.target.value)}
        value={value}
      >
        {/* An instance RDS reports no value for still shows one option that keeps it so. */}
        {current === "" ? <option value="">not set</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <Hint current={current} field={field} hint={hint} id={hintId} />
    </div>
  );
}

export const ON_OFF = [
  { value: "true", label: "on" },
  { value: "false", label: "off" },
] as const;
