"use client";

import { useActionState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { FormOutcome } from "@/components/form-outcome";
import type { ActionState } from "@/lib/actions/validated-action";

type ServerAction = (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;

type Props = {
  name: string;
  actionsEnabled: boolean;
  /** An admin's: switching notifications off and deleting (the server checks the role again). */
  canSilence: boolean;
  enableActions: ServerAction;
  disableActions: ServerAction;
  deleteAlarm: ServerAction;
};

const plain =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60";

/**
 * Turning notifications on (an operator may) or off, and deleting the alarm
 * behind a typed confirmation (both an admin's: they silence the fleet).
 */
export function AlarmControls({ name, actionsEnabled, canSilence, enableActions, disableActions, deleteAlarm }: Props) {
  const [onState, enable, enabling] = useActionState(enableActions, undefined);
  const [offState, disable, disabling] = useActionState(disableActions, undefined);
  // The answer of the switch that led here (or its refusal, the state unchanged).
  const switchState = actionsEnabled ? (onState ?? offState) : (offState ?? onState);
  const switchAction = actionsEnabled ? disable : enable;
  const switching = enabling || disabling;
  const mayToggle = !actionsEnabled || canSilence;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {mayToggle ? (
          <form action={switchAction}>
            <input name="name" type="hidden" value={name} />
            <input name="enabled" type="hidden" value={actionsEnabled ? "false" : "true"} />
            <button className={plain} data-testid="toggle-alarm-actions" disabled={switching} type="submit">
              {actionsEnabled ? "Disable notifications" : "Enable notifications"}
            </button>
          </form>
        ) : null}
        {canSilence ? null : (
          <p className="text-sm text-slate-600" data-testid="alarm-silencing-needs-admin">
            Switching its notifications off and deleting it are an admin&apos;s.
          </p>
        )}
        {canSilence ? (
          <FormDialog
            description="DeleteAlarms removes the alarm and stops its notifications. Its history goes with it. This cannot be undone."
            hidden={{ name }}
            label="Delete alarm"
            serverAction={deleteAlarm}
            submitLabel="Delete"
            testId="delete-alarm"
            title={`Delete ${name}?`}
            typeToConfirm={name}
          />
        ) : null}
      </div>
      <FormOutcome state={switchState} testId={{ error: "alarm-actions-outcome", done: "alarm-actions-outcome" }} />
    </div>
  );
}
