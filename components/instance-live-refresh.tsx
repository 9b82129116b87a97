"use client";

import { useFollowed } from "@/components/action-tracker";
import { LiveRefresh } from "@/components/live-refresh";
import type { InstanceActivity } from "@/lib/fleet/instance-activity";

const BUSY_INTERVAL_MS = 1_000;

type Props = {
  status: string;
  activity: InstanceActivity | undefined;
  renderedAt: string;
  intervalMs: number;
};

/** The instance page's refresh: every second while an action runs or the status is in transition, else as usual. */
export function InstanceLiveRefresh({ status, activity, renderedAt, intervalMs }: Props) {
  const { busy } = useFollowed(status, activity, renderedAt);
  return (
    <LiveRefresh intervalMs={busy ? Math.min(BUSY_INTERVAL_MS, intervalMs) : intervalMs} renderedAt={renderedAt} />
  );
}
