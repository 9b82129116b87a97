"use client";

import { Dialog } from "radix-ui";
import { useId } from "react";

const button =
  "inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60";

/** The field a destructive dialog asks the identifier to be typed into; the server checks it again. */
export function TypedConfirmation({
  expected,
  typed,
  onTyped,
  describedBy,
}: {
  expected: string;
  typed: string;
  onTyped: (value: string) => void;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <div>
      <label className="block text-sm font-medium text-slate-900" htmlFor={id}>
        Type <code className="rounded bg-slate-100 px-1 font-mono">{expected}</code> to confirm
      </label>
      <input
        aria-describedby={describedBy}
        autoComplete="off"
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
        data-testid="confirm-identifier"
        id={id}
        name="confirmation"
        onChange={(e) => onTyped(e.target.value)}
        spellCheck={false}
        type="text"
        value={typed}
      />
    </div>
  );
}

/** Why the server refused the dialog's request, and what to do; announced as it appears. */
export function ActionError({ id, error, hint }: { id: string; error: string; hint: string | undefined }) {
  return (
    <div
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid="action-error"
      id={id}
      role="alert"
    >
      <p>{error}</p>
      {hint ? <p className="mt-1">{hint}</p> : null}
    </div>
  );
}

/** Cancel, and the dialog's submit button: red for a destructive action, enabled once `ready` and not pending. */
export function DialogButtons({
  label,
  destructive,
  ready,
  pending,
}: {
  label: string;
  destructive: boolean;
  ready: boolean;
  pending: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Dialog.Close asChild>
        <button
          className={`${button} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 focus-visible:outline-sky-600`}
          type="button"
        >
          Cancel
        </button>
      </Dialog.Close>
      <button
        className={`${button} text-white ${destructive ? "bg-red-700 hover:bg-red-800 focus-visible:outline-red-700" : "bg-sky-700 hover:bg-sky-800 focus-visible:outline-sky-600"}`}
        data-testid="confirm-action"
        disabled={!ready || pending}
        type="submit"
      >
        {pending ? "Requesting…" : label}
      </button>
    </div>
  );
}

/** The style of the button that opens a dialog: red-edged for a destructive one. */
/**
 * The button that opens an instance action's dialog (inside a radix Dialog.Root); while the action cannot be
 * taken it is disabled and the reason shows beneath it, tied to it for screen readers.
 */
export function ActionDialogTrigger({
  action,
  label,
  destructive,
  unavailableReason,
}: {
  action: string;
  label: string;
  destructive: boolean;
  unavailableReason: string | undefined;
}) {
  const reasonId = useId();
  return (
    <>
      <Dialog.Trigger asChild>
        <button
          aria-describedby={unavailableReason ? reasonId : undefined}
          className={dialogTriggerStyle(destructive)}
          data-testid={`action-${action}`}
          disabled={unavailableReason !== undefined}
          type="button"
        >
          {label}
        </button>
      </Dialog.Trigger>
      {unavailableReason ? (
        <p className="mt-1 text-xs text-slate-600" id={reasonId}>
          {unavailableReason}
        </p>
      ) : null}
    </>
  );
}

export const dialogTriggerStyle = (destructive: boolean) =>
  `${button} border bg-white ${destructive ? "border-red-300 text-red-800 hover:bg-red-50 focus-visible:outline-red-700" : "border-slate-300 text-slate-900 hover:bg-slate-50 focus-visible:outline-sky-600"}`;
