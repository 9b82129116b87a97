/**
 * Which reboot or failover an instance page shows beside the action it
 * started: its own once its events arrive, never another that began before
 * it asked, and, with nothing started here, whatever runs or just ended.
 */
import { describe, expect, test } from "vitest";
import { followActivity } from "./follow-activity";
import type { InstanceActivity } from "./instance-activity";

const T0 = Date.parse("2026-12-06T17:00:00.000Z");
const reboot = (atMs: number, ongoing: boolean): InstanceActivity => ({
  kind: "reboot",
  reboot: {
    identifier: "replica-2",
    at: new Date(T0 + atMs),
    shutdownAt: new Date(T0 + atMs),
    restartedAt: ongoing ? undefined : new Date(T0 + atMs + 1_000),
    ongoing,
  },
});

describe("followActivity", () => {
  test("a promotion asked for while an earlier recovery still runs follows the promotion, not the recovery", () => {
    const recovering = reboot(0, true);
    const followed = followActivity({
      status: "modifying",
      latest: recovering,
      serverNow: T0 + 20_000,
      tracked: { action: "promote", requestedAt: T0 + 15_000 },
    });
    expect(followed.activity).toBeUndefined();
    expect(followed.busy).toBe(true);
  });

  test("a reboot this page asked for is shown once its events arrive", () => {
    const own = reboot(10_500, true);
    const followed = followActivity({
      status: "rebooting",
      latest: own,
      serverNow: T0 + 12_000,
      tracked: { action: "reboot", requestedAt: T0 + 10_000 },
    });
    expect(followed.activity).toBe(own);
  });

  test("before its events arrive, a page's reboot hides an earlier one's outcome and keeps refreshing", () => {
    const followed = followActivity({
      status: "available",
      latest: reboot(0, false),
      serverNow: T0 + 12_000,
      tracked: { action: "reboot", requestedAt: T0 + 10_000 },
    });
    expect(followed).toEqual({ activity: undefined, busy: true });
  });

  test("an operation started after this page's action (an automatic failover) is shown while it runs", () => {
    const later = reboot(30_000, true);
    const followed = followActivity({
      status: "available",
      latest: later,
      serverNow: T0 + 31_000,
      tracked: { action: "promote", requestedAt: T0 + 10_000 },
    });
    expect(followed.activity).toBe(later);
  });

  test("with nothing started here, what runs or ended in the last 10 minutes is shown, and older is not", () => {
    const ended = reboot(0, false);
    expect(
      followActivity({ status: "available", latest: ended, serverNow: T0 + 60_000, tracked: undefined }).activity,
    ).toBe(ended);
    expect(
      followActivity({ status: "available", latest: ended, serverNow: T0 + 11 * 60_000, tracked: undefined }),
    ).toEqual({ activity: undefined, busy: false });
  });
});
