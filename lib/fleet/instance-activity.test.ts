import { describe, expect, it } from "vitest";
import type { RdsEvent } from "./event-model";
import { latestActivity } from "./instance-activity";

const T0 = Date.parse("2026-11-25T19:00:00.000Z");
const NOW = new Date(T0 + 60_000);
const event = (ms: number, message: string, identifier = "app"): RdsEvent => ({
  date: new Date(T0 + ms),
  sourceType: "db-instance",
  sourceIdentifier: identifier,
  message,
  categories: [],
  sourceArn: undefined,
});

describe("latestActivity", () => {
  it("follows a reboot from shutdown to restart, in any arrival order", () => {
    const running = latestActivity([event(0, "DB instance shutdown")], "app", NOW);
    expect(running).toEqual({
      kind: "reboot",
      reboot: { identifier: "app", at: new Date(T0), shutdownAt: new Date(T0), restartedAt: undefined, ongoing: true },
    });
    const done = latestActivity([event(2_100, "DB instance restarted"), event(0, "DB instance shutdown")], "app", NOW);
    expect(done?.kind === "reboot" && done.reboot).toMatchObject({ restartedAt: new Date(T0 + 2_100), ongoing: false });
  });

  it("does not take an earlier restart for the end of a later reboot", () => {
    const activity = latestActivity(
      [event(0, "DB instance shutdown"), event(1_000, "DB instance restarted"), event(5_000, "DB instance shutdown")],
      "app",
      NOW,
    );
    expect(activity?.kind === "reboot" && activity.reboot).toMatchObject({
      shutdownAt: new Date(T0 + 5_000),
      restartedAt: undefined,
      ongoing: true,
    });
  });

  it("picks whichever came last, a failover or a reboot, of this instance only", () => {
    const events = [
      event(0, "DB instance shutdown"),
      event(1_000, "DB instance restarted"),
      event(10_000, "A Multi-AZ failover that resulted in the promotion of a standby instance has started."),
      event(20_000, "DB instance shutdown", "app-replica-1"),
    ];
    expect(latestActivity(events, "app", NOW)?.kind).toBe("failover");
    expect(latestActivity(events, "app-replica-1", NOW)?.kind).toBe("reboot");
    expect(latestActivity(events, "other", NOW)).toBeUndefined();
  });
});
