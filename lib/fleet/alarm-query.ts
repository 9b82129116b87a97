import { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";
import { expectedOneOf, queryIssues, queryParam, type SearchParams } from "@/lib/query-param";
import { ALARM_STATES, type AlarmState } from "./alarm-model";
import { alarmName } from "./alarm-name";

const querySchema = z.object({
  state: queryParam(z.enum(ALARM_STATES, { error: expectedOneOf(ALARM_STATES) })),
  /** Set by the delete action's redirect, so the list can say what just happened. */
  deleted: queryParam(alarmName),
});

export type AlarmQuery = { state: AlarmState | undefined; deleted: string | undefined };

/** The alarms page's query string; unknown parameters are ignored. */
export function parseAlarmQuery(
  params: SearchParams,
): { ok: true; query: AlarmQuery } | { ok: false; issues: ErrorDetail[] } {
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) return { ok: false, issues: queryIssues(parsed.error) };
  return { ok: true, query: { state: parsed.data.state, deleted: parsed.data.deleted } };
}
