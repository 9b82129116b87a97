import { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";
import { expectedOneOf, queryIssues, queryParam } from "@/lib/query-param";
import type { EventFilter } from "./describe-events";
import { eventCategories, eventSourceTypes } from "./event-model";

/** How far back the events page looks. RDS keeps events for 14 days. */
export const eventWindows = {
  "1h": { label: "Last hour", ms: 3_600_000 },
  "6h": { label: "Last 6 hours", ms: 6 * 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 24 * 3_600_000 },
  "3d": { label: "Last 3 days", ms: 3 * 24 * 3_600_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 3_600_000 },
  "14d": { label: "Last 14 days", ms: 14 * 24 * 3_600_000 },
} as const;

export type EventWindow = keyof typeof eventWindows;
const windowKeys = Object.keys(eventWindows) as [EventWindow, ...EventWindow[]];

const querySchema = z
  .object({
    // Snapshot and other source identifiers may hold colons and dots (rds:app-2026-11-25-03-00).
    source: queryParam(
      z
        .string()
        .max(255, "a source identifier has at most 255 characters")
        .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, "a source identifier has letters, digits, and - _ . :"),
    ),
    type: queryParam(z.enum(eventSourceTypes, { error: expectedOneOf(eventSourceTypes) })),
    category: queryParam(z.enum(eventCategories, { error: expectedOneOf(eventCategories) })),
    window: queryParam(z.enum(windowKeys, { error: expectedOneOf(windowKeys) })),
  })
  // RDS refuses a source identifier without its type: say so here rather than relay its fault.
  .refine((q) => q.source === undefined || q.type !== undefined, {
    path: ["type"],
    message: "choose a source type to filter by a source identifier",
  });

export type EventQuery = {
  source: string | undefined;
  type: (typeof eventSourceTypes)[number] | undefined;
  category: (typeof eventCategories)[number] | undefined;
  window: EventWindow;
};

export const defaultEventQuery: EventQuery = { source: undefined, type: undefined, category: undefined, window: "24h" };

export type ParsedEventQuery = { ok: true; query: EventQuery } | { ok: false; issues: ErrorDetail[] };

/** The events page's filters from its query string; unknown parameters are ignored. */
export function parseEventQuery(params: Record<string, string | string[] | undefined>): ParsedEventQuery {
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) {
    return { ok: false, issues: queryIssues(parsed.error) };
  }
  const { source, type, category, window } = parsed.data;
  return { ok: true, query: { source, type, category, window: window ?? defaultEventQuery.window } };
}

export function toEventFilter(query: EventQuery, now: Date): EventFilter {
  return {
    source: query.type ? { type: query.type, identifier: query.source } : undefined,
    categories: query.category ? [query.category] : undefined,
    startTime: new Date(now.getTime() - eventWindows[query.window].ms),
    endTime: now,
  };
}
