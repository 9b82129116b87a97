"use client";

import { type ModifyChange, shownValue } from "@/lib/fleet/modify-summary";

/**
 * The Modify dialog's live summary: each changed setting, current → new, and
 * whether RDS applies it now or in the maintenance window; with "Apply now"
 * (or a maintenance window moved to include now), also what is already
 * queued, which RDS applies with it.
 */
export function ModifySummaryList({
  identifier,
  changes,
  maintenanceWindow,
  applyImmediately,
  queued,
  windowOpensNow,
}: {
  identifier: string;
  changes: ModifyChange[];
  /** The window deferred changes wait for (the new one when the form changes it). */
  maintenanceWindow: string;
  applyImmediately: boolean;
  /** PendingModifiedValues, as "what current → new". */
  queued: string[];
  /** The form moves the maintenance window to one open now: RDS applies what waits for it at once. */
  windowOpensNow: boolean;
}) {
  const inWindow = `in the maintenance window (${maintenanceWindow || "not set"} UTC)`;
  return (
    <section
      aria-labelledby="modify-summary-title"
      aria-live="polite"
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      data-testid="modify-summary"
    >
      <h3 className="font-medium text-slate-900" id="modify-summary-title">
        What changes
      </h3>
      {changes.length === 0 ? (
        <p className="mt-1 text-slate-700" data-testid="modify-nothing">
          Nothing changed yet: change a setting above to modify {identifier}.
        </p>
      ) : (
        <ul className="mt-1 space-y-1">
          {changes.map((c) => (
            <li className="text-slate-800" data-testid={`modify-change-${c.field}`} key={c.field}>
              {c.label}: {shownValue(c.field, c.from)} → <strong>{shownValue(c.field, c.to)}</strong> —{" "}
              <span data-when={c.when}>{c.when === "now" ? "now" : inWindow}</span>
            </li>
          ))}
        </ul>
      )}
      {windowOpensNow && !applyImmediately ? (
        <p className="mt-2 text-slate-800" data-testid="modify-window-open">
          The new maintenance window is open now: what would wait for it applies at once.
        </p>
      ) : null}
      {(applyImmediately || windowOpensNow) && queued.length > 0 ? (
        <p className="mt-2 text-slate-800" data-testid="modify-queued-too">
          What is already queued applies now too: {queued.join(" · ")}.
        </p>
      ) : null}
    </section>
  );
}
