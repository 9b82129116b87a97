"use client";

import { Dialog } from "radix-ui";
import { type ReactNode, useId, useState } from "react";
import { DialogButtons, dialogTriggerStyle, TypedConfirmation } from "@/components/dialog-controls";
import { DialogFrame } from "@/components/dialog-frame";
import { FormOutcome } from "@/components/form-outcome";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

export type FormServerAction = (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;

type Props = {
  /** The button that opens the dialog. */
  label: string;
  title: string;
  description: ReactNode;
  submitLabel: string;
  serverAction: FormServerAction;
  /** Sent as they are: which snapshot, which alarm. */
  hidden: Record<string, string>;
  /** Text inputs the reader fills in, e.g. the restored instance's identifier. */
  inputs?: {
    name: string;
    label: string;
    defaultValue?: string;
    type?: "text" | "password";
    /** For a password: "current-password" when it is the reader's own, asked again; else a new one. */
    autoComplete?: "current-password" | "new-password";
  }[];
  /** Destructive dialogs ask to type this before the submit button works (the server checks it again). */
  typeToConfirm?: string;
  testId: string;
};

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";

/**
 * A button opening a dialog (radix: focus trapped, Escape closes, focus
 * returns) with a small form for one server action — restore a snapshot,
 * delete an alarm — and its answer. A success that navigates (redirect) ends
 * it; one that does not closes it and shows the answer beside the button.
 */
export function FormDialog(props: Props) {
  const { label, title, description, typeToConfirm, testId } = props;
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  return (
    <Dialog.Root onOpenChange={setOpen} open={open}>
      <Dialog.Trigger asChild>
        <button className={dialogTriggerStyle(typeToConfirm !== undefined)} data-testid={testId} type="button">
          {label}
        </button>
      </Dialog.Trigger>
      {done ? (
        <span className="ml-2 text-sm text-emerald-800" role="status">
          {done}
        </span>
      ) : null}
      <DialogFrame description={description} title={title}>
        {/* Mounted only while open, so every opening starts without the last attempt's answer. */}
        <DialogForm
          {...props}
          onDone={(text) => {
            setDone(text);
            setOpen(false);
          }}
        />
      </DialogFrame>
    </Dialog.Root>
  );
}

function DialogForm({
  serverAction,
  hidden,
  inputs = [],
  typeToConfirm,
  submitLabel,
  onDone,
}: Props & { onDone: (text: string) => void }) {
  const { state, submit, pending } = useKeptFormAction(async (previous: ActionState<string>, data: FormData) => {
    const answer = await serverAction(previous, data);
    if (answer?.ok) onDone(answer.result);
    return answer;
  });
  const [typed, setTyped] = useState("");
  const id = useId();
  return (
    <form className="mt-4 space-y-4" onSubmit={submit}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} name={name} type="hidden" value={value} />
      ))}
      {inputs.map((field) => (
        <div key={field.name}>
          <label className="block text-sm font-medium text-slate-900" htmlFor={`${id}-${field.name}`}>
            {field.label}
          </label>
          <input
            autoComplete={field.autoComplete ?? (field.type === "password" ? "new-password" : "off")}
            className={input}
            data-testid={`dialog-field-${field.name}`}
            defaultValue={field.defaultValue}
            id={`${id}-${field.name}`}
            name={field.name}
            spellCheck={false}
            type={field.type ?? "text"}
          />
        </div>
      ))}
      {typeToConfirm ? <TypedConfirmation expected={typeToConfirm} onTyped={setTyped} typed={typed} /> : null}
      {/* A success closes the dialog (or navigates away): only a refusal is shown here. */}
      {state && !state.ok ? (
        <FormOutcome state={state} testId={{ error: "action-error", done: "action-done" }} />
      ) : null}
      <DialogButtons
        destructive={typeToConfirm !== undefined}
        label={submitLabel}
        pending={pending}
        ready={typeToConfirm === undefined || typed.trim() === typeToConfirm}
      />
    </form>
  );
}
