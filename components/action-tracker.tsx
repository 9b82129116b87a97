"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { followActivity } from "@/lib/fleet/follow-activity";
import type { InstanceAction } from "@/lib/fleet/instance-actions";
import type { InstanceActivity } from "@/lib/fleet/instance-activity";

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
  const followed = followActivity({
    status,
    latest,
    serverNow: Date.parse(serverNow),
    tracked: tracked ? { action: tracked.action, requestedAt: Date.parse(tracked.receipt.requestedAt) } : undefined,
  });
  return { tracked, ...followed };
}
