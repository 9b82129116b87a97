"use client";

import { useEffect, useId, useRef } from "react";
import type { FormServerAction } from "@/components/form-dialog";
import { FormOutcome } from "@/components/form-outcome";
import { fieldStyle as field, labelStyle as label } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";

/** The signed-in user's own password: the current one, then the new one twice. */
export function ChangePasswordForm({ serverAction }: { serverAction: FormServerAction }) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  // A refusal keeps what was typed, to be corrected; a success leaves no password on the page.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const input = (name: string, text: string, autoComplete: string) => (
    <div>
      <label className={label} htmlFor={`${id}-${name}`}>
        {text}
      </label>
      <input autoComplete={autoComplete} className={field} id={`${id}-${name}`} name={name} required type="password" />
    </div>
  );
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="change-password-form"
      onSubmit={submit}
      ref={form}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {input("currentPassword", "Current password", "current-password")}
        {input("newPassword", "New password (12+ characters)", "new-password")}
        {input("confirmPassword", "New password again", "new-password")}
      </div>
      <div aria-live="polite">
        <FormOutcome state={state} testId={{ error: "change-password-error", done: "change-password-done" }} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
