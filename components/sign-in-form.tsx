"use client";

import { useActionState, useId } from "react";

type State = { ok: false; error: string; email: string } | undefined;

type Props = {
  serverAction: (previous: State, formData: FormData) => Promise<State>;
  /** Where to go once signed in (a path on this site). */
  next: string;
};

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";
const label = "block text-sm font-medium text-slate-800";

export function SignInForm({ serverAction, next }: Props) {
  const [state, formAction, pending] = useActionState(serverAction, undefined);
  const id = useId();
  return (
    <form
      action={formAction}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="sign-in-form"
    >
      <input name="next" type="hidden" value={next} />
      <div>
        <label className={label} htmlFor={`${id}-email`}>
          Email
        </label>
        {/* After a refusal React resets the form to its defaults: the default is the email just typed. */}
        <input
          autoComplete="username"
          className={field}
          defaultValue={state?.email}
          id={`${id}-email`}
          name="email"
          required
          type="email"
        />
      </div>
      <div>
        <label className={label} htmlFor={`${id}-password`}>
          Password
        </label>
        <input
          autoComplete="current-password"
          className={field}
          id={`${id}-password`}
          name="password"
          required
          type="password"
        />
      </div>
      <div aria-live="polite">
        {state?.ok === false ? (
          <p
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            data-testid="sign-in-error"
            role="alert"
          >
            {state.error}
          </p>
        ) : null}
      </div>
      <button
        className="w-full rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
        disabled={pending}
        type="submit"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
