"use client";

import type { ReactNode } from "react";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

type Props = {
  serverAction: (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;
  submitLabel: string;
  testId: string;
  inline?: boolean;
  children: ReactNode;
};

/** A small form for one validated server action, showing its refusal or its result as written. */
export function ActionForm({ serverAction, submitLabel, testId, inline, children }: Props) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  return (
    <form
      className={
        inline ? "flex flex-wrap items-center gap-2" : "space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      }
      data-testid={testId}
      onSubmit={submit}
    >
      {children}
      <button
        className="rounded-md bg-sky-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
        disabled={pending}
        type="submit"
      >
        {submitLabel}
      </button>
      <span aria-live="polite" className={inline ? "" : "block"}>
        {state?.ok === false ? (
          <span className="text-sm text-red-800" data-testid={`${testId}-error`} role="alert">
            {state.error}
          </span>
        ) : state?.ok ? (
          <span className="text-sm text-emerald-800" data-testid={`${testId}-done`}>
            {state.result}
          </span>
        ) : null}
      </span>
    </form>
  );
}
