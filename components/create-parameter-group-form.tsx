"use client";

import { useId } from "react";
import type { FormServerAction } from "@/components/form-dialog";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";

/** CreateDBParameterGroup: its name, family and description; a success opens the new group's page. */
export function CreateParameterGroupForm({
  families,
  serverAction,
}: {
  families: string[];
  serverAction: FormServerAction;
}) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const id = useId();
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="create-parameter-group-form"
      onSubmit={submit}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label className={labelStyle} htmlFor={`${id}-name`}>
            Group name
          </label>
          <input className={`${field} font-mono`} id={`${id}-name`} name="name" required spellCheck={false} />
        </div>
        <div>
          <label className={labelStyle} htmlFor={`${id}-family`}>
            Family
          </label>
          <select className={field} id={`${id}-family`} name="family">
            {families.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <div>
          <label className={labelStyle} htmlFor={`${id}-description`}>
            Description
          </label>
          <input className={field} id={`${id}-description`} name="description" required />
        </div>
      </div>
      <div aria-live="polite">
        <FormOutcome
          state={state}
          testId={{ error: "create-parameter-group-error", done: "create-parameter-group-done" }}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create group
      </SubmitButton>
    </form>
  );
}
