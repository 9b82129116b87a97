"use client";

import { useId } from "react";
import type { InstanceServerAction } from "@/components/confirm-action-dialog";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";

/** CreateDBSnapshot from the snapshots page: which instance, and the snapshot's name. */
export function CreateSnapshotForm({
  instances,
  serverAction,
}: {
  instances: string[];
  serverAction: InstanceServerAction;
}) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const id = useId();
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="create-snapshot-form"
      onSubmit={submit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label className={labelStyle} htmlFor={`${id}-instance`}>
            DB instance
          </label>
          <select className={field} id={`${id}-instance`} name="identifier">
            {instances.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </select>
        </div>
        <div>
          <label className={labelStyle} htmlFor={`${id}-snapshot`}>
            Snapshot identifier
          </label>
          <input className={`${field} font-mono`} id={`${id}-snapshot`} name="snapshot" required spellCheck={false} />
        </div>
      </div>
      <div aria-live="polite">
        <FormOutcome
          state={state?.ok ? { ok: true, result: state.result.message ?? "" } : state}
          testId={{ error: "create-snapshot-error", done: "create-snapshot-done" }}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Requesting…">
        Take snapshot
      </SubmitButton>
    </form>
  );
}
