import { describe, expect, it } from "vitest";
import type { RdsEvent } from "./event-model";
import { failoverHistory } from "./failover-history";

const WRITER = "production-myapp";
const T0 = Date.parse("2026-11-25T19:00:00.000Z");

/** An event `ms` after T0, as DescribeEvents returns it for the writer. */
const event = (ms: number, message: string, identifier = WRITER): RdsEvent => ({
  date: new Date(T0 + ms),
  sourceType: "db-instance",
  sourceIdentifier: identifier,
  message,
  categories: [message.includes("recovery") ? "recovery" : "failover"],
  sourceArn: `arn:aws:rds:us-east-1:000000000000:db:${identifier}`,
});

const started = (
  ms: number,
  reason: string,
  route = "From us-east-1a (production-myapp-a) to us-east-1b (production-myapp-b).",
) =>
  event(
    ms,
    `A Multi-AZ failover that resulted in the promotion of a standby instance has started. Reason: ${reason}. ${route}`,
  );
const promoted = (ms: number, writesMs?: number) =>
  event(
    ms,
    "The Multi-AZ failover that resulted in the promotion of a standby instance is complete. It may take several minutes for the DNS to transfer to the new primary." +
      (writesMs === undefined ? "" : ` Writes were unavailable for ${writesMs} ms.`),
  );
const recoveryStarted = (ms: number) => event(ms, "Multi-AZ instance recovery started.");
const recoveryCompleted = (ms: number) => event(ms, "Multi-AZ instance recovery completed.");
const completed = (ms: number) => event(ms, "Multi-AZ failover has completed.");

const MANUAL = "manual (RebootDBInstance with ForceFailover)";
const NOW = { now: new Date(T0 + 10 * 60_000) };

describe("failoverHistory", () => {
  it("reads a manual failover from the local fleet's five events", () => {
    const [failover, ...rest] = failoverHistory(
      [started(0, MANUAL), promoted(235, 235), recoveryStarted(240), recoveryCompleted(4_100), completed(4_105)],
      NOW,
    );
    expect(rest).toEqual([]);
    expect(failover).toEqual({
      identifier: WRITER,
      at: new Date(T0),
      startedAt: new Date(T0),
      promotedAt: new Date(T0 + 235),
      recoveryStartedAt: new Date(T0 + 240),
      recoveryCompletedAt: new Date(T0 + 4_100),
      completedAt: new Date(T0 + 4_105),
      reason: { kind: "manual", detail: "RebootDBInstance with ForceFailover" },
      from: { availabilityZone: "us-east-1a", node: "production-myapp-a" },
      to: { availabilityZone: "us-east-1b", node: "production-myapp-b" },
      writesUnavailable: { ms: 235, source: "message" },
      phase: "completed",
      ongoing: false,
    });
  });

  it("reads an automatic failover's cause, even one with dots in it", () => {
    const [kill, hang] = failoverHistory(
      [
        started(60_000, "automatic: the writer stopped answering (connect ECONNREFUSED 127.0.0.1:25433)"),
        promoted(61_000, 900),
        started(0, "automatic: the writer's postgres exited (SIGKILL)"),
        promoted(400, 380),
      ],
      NOW,
    );
    expect(kill?.reason).toEqual({
      kind: "automatic",
      detail: "the writer stopped answering (connect ECONNREFUSED 127.0.0.1:25433)",
    });
    expect(kill?.from?.availabilityZone).toBe("us-east-1a");
    expect(hang?.reason).toEqual({ kind: "automatic", detail: "the writer's postgres exited (SIGKILL)" });
  });

  it("does not depend on the order events arrive in", () => {
    const inOrder = [
      started(0, MANUAL),
      promoted(300, 300),
      recoveryStarted(310),
      recoveryCompleted(5_000),
      completed(5_001),
      started(
        120_000,
        "automatic: the writer's postgres exited (SIGKILL)",
        "From us-east-1b (production-myapp-b) to us-east-1a (production-myapp-a).",
      ),
      promoted(121_200, 1_200),
    ];
    const shuffled = [inOrder[6], inOrder[2], inOrder[4], inOrder[0], inOrder[5], inOrder[3], inOrder[1]].filter(
      (e): e is RdsEvent => e !== undefined,
    );
    expect(failoverHistory(shuffled, NOW)).toEqual(failoverHistory(inOrder, NOW));
    const [newest, oldest] = failoverHistory(shuffled, NOW);
    expect(newest?.to?.availabilityZone).toBe("us-east-1a");
    expect(newest?.phase).toBe("promoted");
    expect(newest?.ongoing).toBe(true);
    expect(oldest?.to?.availabilityZone).toBe("us-east-1b");
    expect(oldest?.ongoing).toBe(false);
  });

  it("orders events with the same timestamp by their place in a failover", () => {
    const [failover] = failoverHistory([promoted(0), started(0, MANUAL)], NOW);
    expect(failover?.startedAt).toEqual(new Date(T0));
    expect(failover?.promotedAt).toEqual(new Date(T0));
    expect(failover?.writesUnavailable).toEqual({ ms: 0, source: "timestamps" });
  });

  it("measures writes unavailable from the timestamps when the message does not say", () => {
    const [failover] = failoverHistory([started(0, MANUAL), promoted(1_750)], NOW);
    expect(failover?.writesUnavailable).toEqual({ ms: 1_750, source: "timestamps" });
  });

  it("reads AWS's bare messages: reason unknown, no zones", () => {
    const [failover] = failoverHistory(
      [
        event(0, "A Multi-AZ failover that resulted in the promotion of a standby instance has started."),
        event(
          45_000,
          "The Multi-AZ failover that resulted in the promotion of a standby instance is complete. It may take several minutes for the DNS to transfer to the new primary.",
        ),
        event(90_000, "A Multi-AZ failover has completed."),
      ],
      NOW,
    );
    expect(failover).toMatchObject({
      reason: { kind: "unknown", detail: undefined },
      from: undefined,
      to: undefined,
      writesUnavailable: { ms: 45_000, source: "timestamps" },
      phase: "completed",
      ongoing: false,
    });
  });

  it("keeps a failover whose start event is missing, dated by its promotion", () => {
    const [failover] = failoverHistory([promoted(500, 420), recoveryStarted(510), completed(3_000)], NOW);
    expect(failover).toMatchObject({
      at: new Date(T0 + 500),
      startedAt: undefined,
      reason: { kind: "unknown" },
      writesUnavailable: { ms: 420, source: "message" },
      phase: "completed",
    });
  });

  it("shows a failover still running, and one that never recorded its end as over once superseded or stale", () => {
    const running = failoverHistory([started(0, MANUAL)], NOW);
    expect(running.map((f) => [f.phase, f.ongoing])).toEqual([["started", true]]);

    const superseded = failoverHistory([started(0, MANUAL), started(60_000, MANUAL), promoted(60_300, 300)], NOW);
    expect(superseded.map((f) => [f.phase, f.ongoing, f.writesUnavailable?.ms])).toEqual([
      ["promoted", true, 300],
      ["started", false, undefined],
    ]);

    const stale = failoverHistory([started(0, MANUAL), promoted(200, 200)], { now: new Date(T0 + 2 * 3_600_000) });
    expect(stale[0]?.ongoing).toBe(false);
  });

  it("pairs each start with the next promotion of the same instance only", () => {
    const history = failoverHistory(
      [
        started(0, MANUAL),
        event(
          100,
          "The Multi-AZ failover that resulted in the promotion of a standby instance is complete.",
          "billing",
        ),
        promoted(250, 250),
      ],
      NOW,
    );
    // Newest first: billing's orphan promotion (T0+100) is later than the writer's start (T0).
    expect(history.map((f) => [f.identifier, f.startedAt?.getTime(), f.promotedAt?.getTime()])).toEqual([
      ["billing", undefined, T0 + 100],
      [WRITER, T0, T0 + 250],
    ]);
  });

  it("ignores other events and a standby recovery with no failover before it", () => {
    const history = failoverHistory(
      [
        event(0, "DB instance shutdown"),
        event(2_000, "DB instance restarted"),
        recoveryStarted(3_000),
        recoveryCompleted(9_000),
        event(10_000, "An error has occurred in the read replication process.", "production-myapp-replica-1"),
      ],
      NOW,
    );
    expect(history).toEqual([]);
  });

  it("attaches the standby's recovery to the failover it follows, not to a finished one", () => {
    const [failover] = failoverHistory(
      [started(0, MANUAL), promoted(200, 200), completed(300), recoveryStarted(60_000), recoveryCompleted(70_000)],
      NOW,
    );
    expect(failover?.recoveryStartedAt).toBeUndefined();
    expect(failover?.phase).toBe("completed");
  });
});
