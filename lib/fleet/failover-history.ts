import type { RdsEvent } from "./event-model";
import {
  type FailoverEndpoint,
  type FailoverEventKind,
  type FailoverReason,
  failoverEventKind,
  failoverEventOrder,
  parseFailoverReason,
  parseFailoverRoute,
  parseWritesUnavailableMs,
} from "./failover-event";

export type { FailoverEndpoint, FailoverReason } from "./failover-event";

/** The furthest a failover got: started → standby promoted (writes resume) → old writer rebuilt as standby → completed. */
export type FailoverPhase = "started" | "promoted" | "recovering" | "completed";

/** One Multi-AZ failover of a DB instance, pieced together from its events. */
export type Failover = {
  identifier: string;
  /** When it started, or — when the start event is missing — the earliest of its events. */
  at: Date;
  startedAt: Date | undefined;
  promotedAt: Date | undefined;
  recoveryStartedAt: Date | undefined;
  recoveryCompletedAt: Date | undefined;
  completedAt: Date | undefined;
  reason: FailoverReason;
  from: FailoverEndpoint | undefined;
  to: FailoverEndpoint | undefined;
  /** As the promotion event reports it, or else the time between the start and the promotion events. */
  writesUnavailable: { ms: number; source: "message" | "timestamps" } | undefined;
  phase: FailoverPhase;
  /** False once it completed, a later failover of the same instance started, or it is older than `staleAfterMs`. */
  ongoing: boolean;
};

type Options = { now?: Date; staleAfterMs?: number };

/** A Multi-AZ failover takes 60–120 s on RDS; one with no end recorded after an hour lost its events. */
const STALE_AFTER_MS = 3_600_000;

/**
 * The failovers that `events` record, newest first. Each "has started" event
 * pairs with the next "promotion … is complete" of the same instance; the
 * standby's recovery and the final "has completed" attach to the failover
 * they follow. Events are sorted by Date first: RDS delivers them best-effort,
 * out of order or not at all, so a piece may be missing and nothing here
 * depends on the order they arrived in.
 */
export function failoverHistory(events: readonly RdsEvent[], options: Options = {}): Failover[] {
  const now = options.now ?? new Date();
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const byInstance = new Map<string, { kind: FailoverEventKind; event: RdsEvent }[]>();
  for (const event of events) {
    const kind = failoverEventKind(event.message);
    if (!kind) continue;
    const list = byInstance.get(event.sourceIdentifier) ?? [];
    list.push({ kind, event });
    byInstance.set(event.sourceIdentifier, list);
  }

  const failovers: Failover[] = [];
  for (const [identifier, list] of byInstance) {
    list.sort(
      (a, b) =>
        a.event.date.getTime() - b.event.date.getTime() || failoverEventOrder[a.kind] - failoverEventOrder[b.kind],
    );
    const mine: Draft[] = [];
    for (const { kind, event } of list) {
      const current = mine.at(-1);
      const open = current && current.completedAt === undefined ? current : undefined;
      if (kind === "started") {
        mine.push(startedBy(identifier, event));
      } else if (kind === "promoted") {
        const target = open && open.promotedAt === undefined ? open : pushed(mine, emptyDraft(identifier, event.date));
        target.promotedAt = event.date;
        target.reportedWritesMs = parseWritesUnavailableMs(event.message);
      } else if (kind === "completed") {
        (open ?? pushed(mine, emptyDraft(identifier, event.date))).completedAt = event.date;
      } else if (open) {
        // Recovery with no open failover before it is the standby being replaced on its own: not a failover.
        if (kind === "recoveryStarted") open.recoveryStartedAt ??= event.date;
        else open.recoveryCompletedAt ??= event.date;
      }
    }
    mine.forEach((draft, i) => {
      failovers.push(finish(draft, i < mine.length - 1, now, staleAfterMs));
    });
  }
  return failovers.sort((a, b) => b.at.getTime() - a.at.getTime());
}

type Draft = Omit<Failover, "writesUnavailable" | "phase" | "ongoing"> & { reportedWritesMs: number | undefined };

function emptyDraft(identifier: string, at: Date): Draft {
  return {
    identifier,
    at,
    startedAt: undefined,
    promotedAt: undefined,
    recoveryStartedAt: undefined,
    recoveryCompletedAt: undefined,
    completedAt: undefined,
    reason: { kind: "unknown", detail: undefined },
    from: undefined,
    to: undefined,
    reportedWritesMs: undefined,
  };
}

function startedBy(identifier: string, event: RdsEvent): Draft {
  const route = parseFailoverRoute(event.message);
  return {
    ...emptyDraft(identifier, event.date),
    startedAt: event.date,
    reason: parseFailoverReason(event.message),
    from: route?.from,
    to: route?.to,
  };
}

function pushed(list: Draft[], draft: Draft): Draft {
  list.push(draft);
  return draft;
}

function finish(draft: Draft, superseded: boolean, now: Date, staleAfterMs: number): Failover {
  const { reportedWritesMs, ...rest } = draft;
  const measured =
    draft.startedAt && draft.promotedAt ? draft.promotedAt.getTime() - draft.startedAt.getTime() : undefined;
  const writesUnavailable =
    reportedWritesMs !== undefined
      ? { ms: reportedWritesMs, source: "message" as const }
      : measured !== undefined
        ? { ms: measured, source: "timestamps" as const }
        : undefined;
  const phase: FailoverPhase = draft.completedAt
    ? "completed"
    : draft.recoveryStartedAt
      ? "recovering"
      : draft.promotedAt
        ? "promoted"
        : "started";
  const stale = now.getTime() - draft.at.getTime() > staleAfterMs;
  return { ...rest, writesUnavailable, phase, ongoing: phase !== "completed" && !superseded && !stale };
}
