"use client";

import { Dialog } from "radix-ui";
import { type ReactNode, useId, useState } from "react";
import { useActionTracker } from "@/components/action-tracker";
import { ActionDialogTrigger, ActionError, DialogButtons } from "@/components/dialog-controls";
import { DialogFrame } from "@/components/dialog-frame";
import { ModifyFields } from "@/components/modify-form-fields";
import { ModifySummaryList } from "@/components/modify-summary-list";
import { type InstanceServerAction, useInstanceAction } from "@/components/use-instance-action";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { type ModifyValues, modifySummary, windowAfter, windowOpensNow } from "@/lib/fleet/modify-summary";

type Props = {
  serverAction: InstanceServerAction;
  identifier: string;
  status: string;
  title: string;
  description: ReactNode;
  /** Why Modify cannot be used now; the button is disabled and says so. */
  unavailableReason: string | undefined;
  /** The instance's settings now, as the form holds them. */
  current: ModifyValues;
  /** The classes offered (lib/fleet/modifiable-classes.ts). */
  classes: string[];
  /** What already waits in PendingModifiedValues, as "what current → new". */
  queued: string[];
};

/**
 * ModifyDBInstance's dialog: every setting starts at the instance's value,
 * and a live summary says what changes, current → new, and when RDS applies
 * each. The server checks the form again (lib/fleet/modify-form.ts) and RDS
 * has the last word; a refusal keeps what was typed.
 */
export function ModifyInstanceDialog(props: Props) {
  const { title, description, unavailableReason } = props;
  const [open, setOpen] = useState(false);
  const { track } = useActionTracker();
  return (
    <Dialog.Root onOpenChange={setOpen} open={open}>
      <ActionDialogTrigger action="modify" destructive={false} label="Modify" unavailableReason={unavailableReason} />
      <DialogFrame description={description} title={title} wide>
        {/* Mounted only while open: every opening starts from the instance's values, without the last answer. */}
        <ModifyForm
          {...props}
          onAccepted={(receipt, statusBefore) => {
            track({ action: "modify", receipt, statusBefore });
            setOpen(false);
          }}
        />
      </DialogFrame>
    </Dialog.Root>
  );
}

function ModifyForm({
  serverAction,
  identifier,
  status,
  current,
  classes,
  queued,
  onAccepted,
}: Props & { onAccepted: (receipt: ActionReceipt, statusBefore: string) => void }) {
  const { submit, pending, error } = useInstanceAction({ serverAction, status, onAccepted });
  const [values, setValues] = useState<ModifyValues>(current);
  const [applyImmediately, setApplyImmediately] = useState(false);
  const errorId = useId();
  const applyId = useId();
  // The client's clock: whether a new maintenance window is open now is a hint; RDS decides when it gets the request.
  const now = new Date();
  const changes = modifySummary(current, values, { applyImmediately, now });
  return (
    <form className="mt-4 space-y-4" onSubmit={submit}>
      <input name="identifier" type="hidden" value={identifier} />
      <ModifyFields
        changed={new Set(changes.map((c) => c.field))}
        classes={classes}
        current={current}
        errorId={error ? errorId : undefined}
        onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
        values={values}
      />
      {/* Kept in view while the settings scroll (-bottom-5: Chrome sticks it inside the panel's padding). */}
      <div className="sticky -bottom-5 -mx-5 -mb-5 space-y-3 border-t border-slate-200 bg-white px-5 pt-3 pb-5">
        <div className="flex items-center gap-2">
          <input
            checked={applyImmediately}
            className="size-4 rounded border-slate-300"
            data-testid="action-field-applyImmediately"
            id={applyId}
            name="applyImmediately"
            onChange={(e) => setApplyImmediately(e.target.checked)}
            type="checkbox"
          />
          <label className="text-sm font-medium text-slate-900" htmlFor={applyId}>
            Apply now (otherwise class, storage, Multi-AZ and switching backups on or off wait for the maintenance
            window)
          </label>
        </div>
        <ModifySummaryList
          applyImmediately={applyImmediately}
          changes={changes}
          identifier={identifier}
          maintenanceWindow={windowAfter(current, values)}
          queued={queued}
          windowOpensNow={windowOpensNow(current, values, now)}
        />
        {error ? <ActionError error={error.error} hint={error.hint} id={errorId} /> : null}
        <DialogButtons destructive={false} label="Modify" pending={pending} ready={changes.length > 0} />
      </div>
    </form>
  );
}
