import type { ReactNode } from "react";
import { type ActionField, ConfirmActionDialog, type InstanceServerAction } from "@/components/confirm-action-dialog";
import { ModifyInstanceDialog } from "@/components/modify-instance-dialog";
import type { DbInstance } from "@/lib/fleet/fleet-model";
import { acceptsAction, type InstanceAction } from "@/lib/fleet/instance-actions";
import { classChoices } from "@/lib/fleet/modifiable-classes";
import { currentValues } from "@/lib/fleet/modify-summary";
import { pendingChanges } from "@/lib/fleet/pending-changes";

type Props = {
  instance: DbInstance;
  /** The actions that apply to this instance's role, in order. */
  actions: InstanceAction[];
  /** The server action behind each; passed in so components never import routes. */
  serverActions: Record<InstanceAction, InstanceServerAction>;
};

type Copy = {
  label: string;
  title: string;
  confirmLabel: string;
  destructive: boolean;
  summary: string;
  description: ReactNode;
  fields?: ActionField[];
};

/** "2026-12-06 09:15:30": how a UTC moment is typed into the restore form. */
const utcSecond = (at: Date) => at.toISOString().slice(0, 19).replace("T", " ");

/** "2026-11-25-21-40": a default name suffix that sorts by time and is a valid identifier part. */
const stamp = (now: Date) => now.toISOString().slice(0, 16).replace(/[T:]/g, "-");

/** Each action's words and inputs; a new action adds an entry here and to actionsFor(). */
function copyFor(action: InstanceAction, instance: DbInstance, now: Date): Copy {
  const id = instance.identifier;
  switch (action) {
    case "reboot":
      return {
        label: "Reboot",
        title: `Reboot ${id}?`,
        confirmLabel: "Reboot",
        destructive: false,
        summary: "Restarts the instance's PostgreSQL in place.",
        description: (
          <p>
            RDS restarts PostgreSQL on <strong>{id}</strong>. Open connections drop, and the instance is unavailable
            until it is back (its status shows <code>rebooting</code>, then <code>available</code>).
          </p>
        ),
      };
    case "reboot-with-failover":
      return {
        label: "Reboot with failover",
        title: `Fail ${id} over to its standby?`,
        confirmLabel: "Fail over",
        destructive: true,
        summary: `Promotes the Multi-AZ standby (${instance.secondaryAvailabilityZone ?? "other zone"}) to writer.`,
        description: (
          <>
            <p>
              RebootDBInstance with ForceFailover: the synchronous standby in{" "}
              <strong>{instance.secondaryAvailabilityZone ?? "the other zone"}</strong> becomes the writer, and the
              endpoint follows it. Writes stop until the promotion completes and every open connection drops.
            </p>
            <p>The old writer is then rebuilt as the new standby, so the instance is Multi-AZ again.</p>
          </>
        ),
      };
    case "snapshot":
      return {
        label: "Take snapshot",
        title: `Take a snapshot of ${id}?`,
        confirmLabel: "Take snapshot",
        destructive: false,
        summary: "A consistent copy of the instance's data, taken while it keeps serving writes.",
        description: (
          <p>
            CreateDBSnapshot: <strong>{id}</strong> shows <code>backing-up</code> while the copy is taken; the
            snapshot&apos;s progress appears under Snapshots below. Writes go on meanwhile.
          </p>
        ),
        fields: [
          {
            kind: "text",
            name: "snapshot",
            label: "Snapshot identifier",
            defaultValue: `${id}-${stamp(now)}`,
            hint: "Letters, digits and hyphens, starting with a letter.",
          },
        ],
      };
    case "create-replica":
      return {
        label: "Create read replica",
        title: `Create a read replica of ${id}?`,
        confirmLabel: "Create replica",
        destructive: false,
        summary: "A new asynchronous replica with its own endpoint, for reads.",
        description: (
          <p>
            CreateDBInstanceReadReplica: a new instance is cloned from <strong>{id}</strong> and streams its changes.
            Its page opens and shows it <code>creating</code>, then <code>available</code>.
          </p>
        ),
        fields: [{ kind: "text", name: "replica", label: "New replica identifier", defaultValue: `${id}-replica-new` }],
      };
    case "restore-to-time":
      return {
        label: "Restore to point in time",
        title: `Restore ${id} to a point in time?`,
        confirmLabel: "Restore",
        destructive: false,
        summary: `A new instance holding ${id}'s data as it was at a moment you choose (UTC, to the second).`,
        description: (
          <>
            <p>
              RestoreDBInstanceToPointInTime: a new single-AZ instance is built from <strong>{id}</strong>&apos;s newest
              automated backup before that moment and its archived WAL, replayed to the transaction.{" "}
              <strong>{id}</strong> itself is not changed. The new instance&apos;s page opens and shows it{" "}
              <code>creating</code>, then <code>available</code> with its own endpoint.
            </p>
            <p>
              Latest restorable time:{" "}
              <strong>{instance.latestRestorableTime ? utcSecond(instance.latestRestorableTime) : "none yet"}</strong>{" "}
              UTC.
            </p>
          </>
        ),
        fields: [
          {
            kind: "text",
            name: "target",
            label: "New instance identifier",
            defaultValue: `${id}-restored-${stamp(now)}`,
          },
          {
            kind: "text",
            name: "restoreTime",
            label: "Restore time (UTC)",
            defaultValue: "",
            hint: "YYYY-MM-DD HH:MM:SS, to the second. Leave empty for the latest restorable time.",
          },
        ],
      };
    case "modify":
      return modifyCopy(instance);
    case "promote":
      return {
        label: "Promote to standalone",
        title: `Promote ${id}?`,
        confirmLabel: "Promote",
        destructive: true,
        summary: `Stops replicating from ${instance.sourceIdentifier ?? "its source"} and accepts writes of its own.`,
        description: (
          <>
            <p>
              PromoteReadReplica: <strong>{id}</strong> stops following{" "}
              <strong>{instance.sourceIdentifier ?? "its source"}</strong> and becomes a standalone writer with the data
              it has replayed so far. Its status shows <code>modifying</code>, then <code>available</code>.
            </p>
            <p>This cannot be undone: it never replicates from its source again.</p>
          </>
        ),
      };
    case "stop":
      return {
        label: "Stop",
        title: `Stop ${id}?`,
        confirmLabel: "Stop instance",
        destructive: true,
        summary: "Shuts the instance down until it is started again (RDS starts it by itself after 7 days).",
        description: (
          <>
            <p>
              StopDBInstance: <strong>{id}</strong> shows <code>stopping</code>, then <code>stopped</code>
              {instance.multiAz ? ", its Multi-AZ standby with it" : ""}. Its endpoint refuses connections until it is
              started; its data, endpoint and settings stay.
            </p>
            <p>If you name a snapshot, RDS takes it first, then stops the instance.</p>
          </>
        ),
        fields: [
          {
            kind: "text",
            name: "snapshot",
            label: "Snapshot before stopping (optional)",
            defaultValue: "",
            hint: "Leave empty to stop without a snapshot.",
          },
        ],
      };
    case "start":
      return {
        label: "Start",
        title: `Start ${id}?`,
        confirmLabel: "Start instance",
        destructive: false,
        summary: instance.automaticRestartTime
          ? `Stopped. RDS starts it by itself at ${utcSecond(instance.automaticRestartTime)} UTC.`
          : "Stopped.",
        description: (
          <p>
            StartDBInstance: <strong>{id}</strong> shows <code>starting</code>, then <code>available</code>
            {instance.multiAz ? " once its Multi-AZ standby is back in sync" : ""}; its endpoint accepts connections
            again.
          </p>
        ),
      };
    case "delete":
      return {
        label: "Delete",
        title: `Delete ${id}?`,
        confirmLabel: "Delete instance",
        destructive: true,
        summary: instance.deletionProtection
          ? "Deletion protection is on: RDS will refuse until it is turned off."
          : "Removes the instance and its endpoint.",
        description: (
          <>
            <p>
              DeleteDBInstance: <strong>{id}</strong> and its endpoint go away. A final snapshot, or its automated
              backups kept, leave its data restorable; without either, the data is gone for good.
            </p>
            {instance.replicaIdentifiers.length > 0 ? (
              <p>Its read replicas ({instance.replicaIdentifiers.join(", ")}) are promoted to standalone instances.</p>
            ) : null}
          </>
        ),
        fields: [
          {
            kind: "text",
            name: "finalSnapshot",
            label: "Final snapshot identifier",
            defaultValue: `${id}-final-${stamp(now)}`,
          },
          {
            kind: "checkbox",
            name: "skipFinalSnapshot",
            label: "Skip the final snapshot (the data cannot be restored)",
          },
          ...(instance.latestRestorableTime
            ? [
                {
                  kind: "checkbox" as const,
                  name: "retainAutomatedBackups",
                  label:
                    "Keep its automated backups: restorable to any second of their window from the Snapshots page, until deleted there",
                },
              ]
            : []),
        ],
      };
  }
}

/** ModifyDBInstance's words; its settings and live summary are the dialog's (components/modify-instance-dialog.tsx). */
function modifyCopy(instance: DbInstance): Copy {
  const id = instance.identifier;
  return {
    label: "Modify",
    title: `Modify ${id}?`,
    confirmLabel: "Modify",
    destructive: false,
    summary: "Changes the class, storage, Multi-AZ, backups or windows: now, or in the maintenance window.",
    description: (
      <p>
        ModifyDBInstance: change what you need; the summary below says what changes and when. A class change restarts
        PostgreSQL (a Multi-AZ writer fails over to its already-resized standby, so writes stop only for the failover);
        storage only grows, by at least 10 %.
      </p>
    ),
  };
}

/** The actions an instance's role allows, each behind a confirmation dialog. */
export function ActionsPanel({ instance, actions, serverActions }: Props) {
  const now = new Date();
  const busy = (action: InstanceAction) =>
    acceptsAction(action, instance.status)
      ? undefined
      : `Not now: the instance is ${instance.status}. Actions return once it is available.`;
  return (
    <section
      aria-labelledby="actions-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="actions-panel"
    >
      <h2 className="text-base font-semibold text-slate-900" id="actions-title">
        Actions
      </h2>
      <ul className="mt-3 space-y-4">
        {actions.map((action) => {
          const copy = copyFor(action, instance, now);
          return (
            <li key={action}>
              <p className="mb-1.5 text-sm text-slate-700">{copy.summary}</p>
              {action === "modify" ? (
                <ModifyInstanceDialog
                  classes={classChoices(instance.instanceClass)}
                  current={currentValues(instance)}
                  description={copy.description}
                  identifier={instance.identifier}
                  queued={pendingChanges(instance)}
                  serverAction={serverActions.modify}
                  status={instance.status}
                  title={copy.title}
                  unavailableReason={busy(action)}
                />
              ) : (
                <ConfirmActionDialog
                  action={action}
                  confirmLabel={copy.confirmLabel}
                  description={copy.description}
                  destructive={copy.destructive}
                  fields={copy.fields}
                  identifier={instance.identifier}
                  label={copy.label}
                  serverAction={serverActions[action]}
                  status={instance.status}
                  title={copy.title}
                  unavailableReason={busy(action)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
