import type { ReactNode } from "react";
import { ConfirmActionDialog, type InstanceServerAction } from "@/components/confirm-action-dialog";
import type { DbInstance } from "@/lib/fleet/fleet-model";
import { acceptsActions, type InstanceAction } from "@/lib/fleet/instance-actions";

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
};

/** Each action's words. New actions (snapshot, promote, create replica, delete) add an entry here and to actionsFor(). */
function copyFor(action: InstanceAction, instance: DbInstance): Copy {
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
  }
}

/** The actions an instance's role allows, each behind a confirmation dialog. */
export function ActionsPanel({ instance, actions, serverActions }: Props) {
  const busy = acceptsActions(instance.status)
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
          const copy = copyFor(action, instance);
          return (
            <li key={action}>
              <p className="mb-1.5 text-sm text-slate-700">{copy.summary}</p>
              <ConfirmActionDialog
                action={action}
                confirmLabel={copy.confirmLabel}
                description={copy.description}
                destructive={copy.destructive}
                identifier={instance.identifier}
                label={copy.label}
                serverAction={serverActions[action]}
                status={instance.status}
                title={copy.title}
                unavailableReason={busy}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
