"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import type { InstanceAction } from "@/lib/fleet/instance-actions";
import type { InstanceActivity } from "@/lib/fleet/instance-activity";
import { statusTone } from "@/lib/fleet/status-tone";

/** An action this page started and is following. */
export type TrackedAction = { action: InstanceAction; receipt: ActionReceipt; statusBefore: string };

type Tracker = { tracked: TrackedAction | undefined; track: (action: TrackedAction) => void };

const TrackerContext = createContext<Tracker | undefined>(undefined);

/**
 * Shares, between the confirmation dialogs and the live progress, which
 * action this page started: the dialog knows when RDS accepted it, the
 * progress panel and the refresh rate follow it from then on.
 */
export function ActionTracker({ children }: { children: ReactNode }) {
  const [tracked, setTracked] = useState<TrackedAction | undefined>(undefined);
  const track = useCallback((action: TrackedAction) => setTracked(action), []);
  const value = useMemo(() => ({ tracked, track }), [tracked, track]);
  return <TrackerContext.Provider value={value}>{children}</TrackerContext.Provider>;
}

export function useActionTracker(): Tracker {
  const tracker = useContext(TrackerContext);
  if (!tracker) throw new Error("useActionTracker needs an <ActionTracker> above it");
  return tracker;
}

/** RDS's events may lag the API's answer; until one shows, the action counts as in flight for this long. */
const AWAIT_EVENTS_MS = 30_000;
/** An operation that ended this recently still shows its outcome, even if this page did not start it (automatic failover). */
const RECENT_MS = 10 * 60_000;
/** The app server's and the RDS API's clocks may differ a little. */
const CLOCK_SLACK_MS = 5_000;

const endOf = (a: InstanceActivity) =>
  (a.kind === "failover"
    ? (a.failover.completedAt ?? a.failover.promotedAt ?? a.failover.at)
    : (a.reboot.restartedAt ?? a.reboot.at)
  ).getTime();

export type Followed = {
  tracked: TrackedAction | undefined;
  /** The activity to show: the tracked action's once its events arrived, one still running, or one just ended. */
  activity: InstanceActivity | undefined;
  /** Whether the page should refresh quickly. */
  busy: boolean;
};

/**
 * What the page follows, from the server's view (status, latest activity,
 * server time) and the action this page started.
 */
export function useFollowed(status: string, latest: InstanceActivity | undefined, serverNow: string): Followed {
  const { tracked } = useActionTracker();
  const requestedAt = tracked ? Date.parse(tracked.receipt.requestedAt) : undefined;
  // Only reboots and failovers have phase events to wait for; the other actions are followed by their status.
  const kind =
    tracked?.action === "reboot" ? "reboot" : tracked?.action === "reboot-with-failover" ? "failover" : undefined;
  const startOf = (a: InstanceActivity) => (a.kind === "failover" ? a.failover.at : a.reboot.at).getTime();
  const matched =
    latest !== undefined &&
    requestedAt !== undefined &&
    latest.kind === kind &&
    startOf(latest) >= requestedAt - CLOCK_SLACK_MS;
  const ongoing =
    latest !== undefined && (latest.kind === "failover" ? latest.failover.ongoing : latest.reboot.ongoing);
  const awaitingEvents =
    kind !== undefined &&
    requestedAt !== undefined &&
    !matched &&
    Date.parse(serverNow) - requestedAt < AWAIT_EVENTS_MS;
  // Transitional statuses (rebooting, modifying…) poll fast; failed or stopped ones may stay so for hours.
  const busy = statusTone(status) === "progress" || ongoing || awaitingEvents;
  const recent = latest !== undefined && Date.parse(serverNow) - endOf(latest) < RECENT_MS;
  // While this page waits for its own action's events, an earlier operation's outcome would only mislead.
  const shown = matched || ongoing || (tracked === undefined && recent);
  return { tracked, activity: shown ? latest : undefined, busy };
}
