"use client";

import { Dialog } from "radix-ui";
import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";

type ServerAction = (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;

type Props = {
  name: string;
  actionsEnabled: boolean;
  setActions: ServerAction;
  deleteAlarm: ServerAction;
};

const button =
  "inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60";
const plain = `${button} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 focus-visible:outline-sky-600`;

/** Turning notifications on or off, and deleting the alarm behind a typed confirmation. */
export function AlarmControls({ name, actionsEnabled, setActions, deleteAlarm }: Props) {
  const [switchState, switchAction, switching] = useActionState(setActions, undefined);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <form action={switchAction}>
          <input name="name" type="hidden" value={name} />
          <input name="enabled" type="hidden" value={actionsEnabled ? "false" : "true"} />
          <button className={plain} data-testid="toggle-alarm-actions" disabled={switching} type="submit">
            {actionsEnabled ? "Disable notifications" : "Enable notifications"}
          </button>
        </form>
        <DeleteAlarmDialog deleteAlarm={deleteAlarm} name={name} />
      </div>
      <ActionOutcome state={switchState} testId="alarm-actions-outcome" />
    </div>
  );
}

function DeleteAlarmDialog({ name, deleteAlarm }: { name: string; deleteAlarm: ServerAction }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root onOpenChange={setOpen} open={open}>
      <Dialog.Trigger asChild>
        <button
          className={`${button} border border-red-300 bg-white text-red-800 hover:bg-red-50 focus-visible:outline-red-700`}
          data-testid="delete-alarm"
          type="button"
        >
          Delete alarm
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none"
          data-testid="confirm-dialog"
        >
          <Dialog.Title className="text-lg font-semibold text-slate-900">Delete {name}?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-700">
            DeleteAlarms removes the alarm and stops its notifications. Its history goes with it. This cannot be undone.
          </Dialog.Description>
          {/* Mounted only while open, so every opening starts without the last attempt's answer. */}
          <DeleteForm deleteAlarm={deleteAlarm} name={name} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function DeleteForm({ name, deleteAlarm }: { name: string; deleteAlarm: ServerAction }) {
  const [state, formAction, pending] = useActionState(deleteAlarm, undefined);
  const [typed, setTyped] = useState("");
  const confirmId = useId();
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <input name="name" type="hidden" value={name} />
      <div>
        <label className="block text-sm font-medium text-slate-900" htmlFor={confirmId}>
          Type <code className="rounded bg-slate-100 px-1 font-mono">{name}</code> to confirm
        </label>
        <input
          autoComplete="off"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
          data-testid="confirm-identifier"
          id={confirmId}
          name="confirmation"
          onChange={(e) => setTyped(e.target.value)}
          spellCheck={false}
          type="text"
          value={typed}
        />
      </div>
      <ActionOutcome state={state} testId="action-error" />
      <div className="flex justify-end gap-2">
        <Dialog.Close asChild>
          <button className={plain} type="button">
            Cancel
          </button>
        </Dialog.Close>
        <button
          className={`${button} bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700`}
          data-testid="confirm-action"
          disabled={typed.trim() !== name || pending}
          type="submit"
        >
          {pending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </form>
  );
}

/** A refusal in red with its hint; a success in words. Announced to screen readers either way. */
function ActionOutcome({ state, testId }: { state: ActionState<string>; testId: string }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p className="text-sm text-emerald-800" data-testid={testId} role="status">
        {state.result}
      </p>
    );
  }
  return (
    <div
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid={testId}
      role="alert"
    >
      <p>{state.error}</p>
      {state.hint ? <p className="mt-1">{state.hint}</p> : null}
    </div>
  );
}
