"use client";

import { Dialog } from "radix-ui";
import { type ReactNode, useId, useState } from "react";
import { useActionTracker } from "@/components/action-tracker";
import { ActionDialogTrigger, ActionError, DialogButtons, TypedConfirmation } from "@/components/dialog-controls";
import { DialogFrame } from "@/components/dialog-frame";
import { type InstanceServerAction, useInstanceAction } from "@/components/use-instance-action";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import type { InstanceAction } from "@/lib/fleet/instance-actions";

export type { InstanceServerAction };

/** An input the action needs besides the instance: a snapshot's or a new replica's name, a choice. */
export type ActionField =
  | { kind: "text"; name: string; label: string; defaultValue?: string; hint?: string }
  | { kind: "checkbox"; name: string; label: string; hint?: string };

type Props = {
  action: InstanceAction;
  serverAction: InstanceServerAction;
  identifier: string;
  status: string;
  /** The button that opens the dialog. */
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Destructive actions ask to type the instance identifier before the confirm button works. */
  destructive: boolean;
  /** Why the action cannot be taken now; the button is disabled and says so. */
  unavailableReason: string | undefined;
  fields?: ActionField[];
};

/** A button that opens a confirmation dialog (radix: focus trapped, Escape closes, focus returns) for one action. */
export function ConfirmActionDialog(props: Props) {
  const { action, label, title, description, destructive, unavailableReason } = props;
  const [open, setOpen] = useState(false);
  const { track } = useActionTracker();
  return (
    <Dialog.Root onOpenChange={setOpen} open={open}>
      <ActionDialogTrigger
        action={action}
        destructive={destructive}
        label={label}
        unavailableReason={unavailableReason}
      />
      <DialogFrame description={description} title={title}>
        {/* Mounted only while open, so every opening starts without the last attempt's answer. */}
        <ConfirmForm
          {...props}
          onAccepted={(receipt, statusBefore) => {
            track({ action, receipt, statusBefore });
            setOpen(false);
          }}
        />
      </DialogFrame>
    </Dialog.Root>
  );
}

type FormProps = Props & { onAccepted: (receipt: ActionReceipt, statusBefore: string) => void };

function ConfirmForm({
  serverAction,
  identifier,
  status,
  confirmLabel,
  destructive,
  onAccepted,
  fields = [],
}: FormProps) {
  const { submit, pending, error } = useInstanceAction({ serverAction, status, onAccepted });
  const [typed, setTyped] = useState("");
  const errorId = useId();

  const confirmed = !destructive || typed.trim() === identifier;
  return (
    <form className="mt-4 space-y-4" onSubmit={submit}>
      <input name="identifier" type="hidden" value={identifier} />
      {fields.map((f) => (
        <ActionInput describedBy={error ? errorId : undefined} field={f} key={f.name} />
      ))}
      {destructive ? (
        <TypedConfirmation
          describedBy={error ? errorId : undefined}
          expected={identifier}
          onTyped={setTyped}
          typed={typed}
        />
      ) : null}
      {error ? <ActionError error={error.error} hint={error.hint} id={errorId} /> : null}
      <DialogButtons destructive={destructive} label={confirmLabel} pending={pending} ready={confirmed} />
    </form>
  );
}

function ActionInput({ field, describedBy }: { field: ActionField; describedBy: string | undefined }) {
  const id = useId();
  const hintId = useId();
  const described = [describedBy, field.hint ? hintId : undefined].filter(Boolean).join(" ") || undefined;
  const hint = field.hint ? (
    <p className="mt-1 text-xs text-slate-600" id={hintId}>
      {field.hint}
    </p>
  ) : null;
  if (field.kind === "checkbox") {
    return (
      <div>
        <div className="flex items-center gap-2">
          <input
            aria-describedby={described}
            className="size-4 rounded border-slate-300"
            data-testid={`action-field-${field.name}`}
            id={id}
            name={field.name}
            type="checkbox"
          />
          <label className="text-sm font-medium text-slate-900" htmlFor={id}>
            {field.label}
          </label>
        </div>
        {hint}
      </div>
    );
  }
  return (
    <div>
      <label className="block text-sm font-medium text-slate-900" htmlFor={id}>
        {field.label}
      </label>
      <input
        aria-describedby={described}
        autoComplete="off"
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
        data-testid={`action-field-${field.name}`}
        defaultValue={field.defaultValue}
        id={id}
        name={field.name}
        spellCheck={false}
        type="text"
      />
      {hint}
    </div>
  );
}
