"use client";

import { useId } from "react";
import type { FormServerAction } from "@/components/form-dialog";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";

/** ModifyDBInstance DBParameterGroupName: which instance should use this group (from its next reboot). */
export function AssignParameterGroupForm({
  group,
  instances,
  serverAction,
}: {
  group: string;
  instances: string[];
  serverAction: FormServerAction;
}) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const id = useId();
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="assign-parameter-group-form"
      onSubmit={submit}
    >
      <input name="group" type="hidden" value={group} />
      <div className="max-w-sm">
        <label className={labelStyle} htmlFor={`${id}-instance`}>
          DB instance
        </label>
        <select className={field} id={`${id}-instance`} name="instance">
          {instances.map((i) => (
            <option key={i}>{i}</option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        <FormOutcome
          state={state}
          testId={{ error: "assign-parameter-group-error", done: "assign-parameter-group-done" }}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Requesting…">
        {`Use ${group}`}
      </SubmitButton>
    </form>
  );
}
