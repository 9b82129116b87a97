import "server-only";
import { type Event, paginateDescribeEvents, type RDSClient, type SourceType } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { EventSourceType, RdsEvent } from "./event-model";
import { getRdsClient } from "./rds-client";

export type EventFilter = {
  /** RDS requires a source type with a source identifier. */
  source?: { type: EventSourceType; identifier?: string };
  categories?: readonly string[];
  startTime: Date;
  endTime?: Date;
};

/** More than this many events in one window is a query to narrow, not a page to render. */
const DEFAULT_LIMIT = 2_000;

export type EventPage = {
  /** Newest first. */
  events: RdsEvent[];
  /** True when more events matched than `limit`: RDS pages oldest first, so the newest were left out. */
  truncated: boolean;
};

/**
 * DescribeEvents for one window, every page of it. RDS returns events oldest
 * first; the dashboard reads them newest first, so they come back sorted that
 * way (by Date, not by arrival: RDS delivers events best-effort).
 */
export async function describeEvents(
  filter: EventFilter,
  { client = getRdsClient(), limit = DEFAULT_LIMIT }: { client?: RDSClient; limit?: number } = {},
): Promise<EventPage> {
  const input = {
    SourceType: filter.source?.type satisfies SourceType | undefined,
    SourceIdentifier: filter.source?.identifier,
    EventCategories: filter.categories?.length ? [...filter.categories] : undefined,
    StartTime: filter.startTime,
    EndTime: filter.endTime ?? new Date(),
  };
  const raw = await callRds({ operation: "DescribeEvents", identifier: filter.source?.identifier }, async () => {
    const all: Event[] = [];
    for await (const page of paginateDescribeEvents({ client, pageSize: 100 }, input)) {
      all.push(...(page.Events ?? []));
      if (all.length > limit) break;
    }
    return all;
  });
  const events = raw
    .map(toRdsEvent)
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, limit);
  return { events, truncated: raw.length > limit };
}

function toRdsEvent(raw: Event): RdsEvent {
  return {
    date: raw.Date ?? new Date(0),
    sourceType: raw.SourceType ?? "unknown",
    sourceIdentifier: raw.SourceIdentifier ?? "(unknown)",
    message: raw.Message ?? "",
    categories: raw.EventCategories ?? [],
    sourceArn: raw.SourceArn,
  };
}
