"use client";

import { useEffect, useId, useRef } from "react";
import type { FormServerAction } from "@/components/form-dialog";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle as label } from "@/components/form-styles";
import { useKeptFormAction } from "@/components/use-kept-form-action";

const button =
  "rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60";

/** A key and a value for the instance: a refusal keeps both as typed; a success empties the form for the next. */
export function AddTagForm({ identifier, serverAction }: { identifier: string; serverAction: FormServerAction }) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form
      aria-label={`Add a tag to ${identifier}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="add-tag-form"
      onSubmit={submit}
      ref={form}
    >
      <input name="identifier" type="hidden" value={identifier} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label className={label} htmlFor={`${id}-key`}>
            Key
          </label>
          <input
            className={`${field} font-mono`}
            data-testid="tag-key-input"
            id={`${id}-key`}
            name="key"
            required
            spellCheck={false}
          />
        </div>
        <div>
          <label className={label} htmlFor={`${id}-value`}>
            Value (may be empty)
          </label>
          <input
            className={`${field} font-mono`}
            data-testid="tag-value-input"
            id={`${id}-value`}
            name="value"
            spellCheck={false}
          />
        </div>
      </div>
      <div aria-live="polite">
        <FormOutcome state={state} testId={{ error: "add-tag-error", done: "add-tag-done" }} />
      </div>
      <button className={button} disabled={pending} type="submit">
        {pending ? "Adding…" : "Add tag"}
      </button>
    </form>
  );
}

/** One tag's Remove button; RDS's refusal, if any, beside it. */
export function RemoveTagForm({
  identifier,
  tagKey,
  serverAction,
}: {
  identifier: string;
  tagKey: string;
  serverAction: FormServerAction;
}) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  return (
    <form className="flex flex-wrap items-center justify-end gap-2" onSubmit={submit}>
      <input name="identifier" type="hidden" value={identifier} />
      <input name="key" type="hidden" value={tagKey} />
      {state?.ok === false ? (
        <span className="text-sm text-red-800" data-testid="remove-tag-error" role="alert">
          {state.error}
        </span>
      ) : null}
      <button
        aria-label={`Remove tag ${tagKey}`}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
        data-testid="remove-tag"
        disabled={pending}
        type="submit"
      >
        {pending ? "Removing…" : "Remove"}
      </button>
    </form>
  );
}
