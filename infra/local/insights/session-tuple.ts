import { createHash } from "node:crypto";
import type { ActiveSession } from "./activity-session";
import type { SessionTuple } from "./dimensions";

/** PI's ids are opaque 40-character upper-case hex strings: a SHA-1 of what identifies the thing. */
export function dimensionId(identity: string): string {
  return createHash("sha1").update(identity).digest("hex").toUpperCase();
}

/**
 * A sampled session as PI sees it. Its digest is pg_stat_statements' query
 * id; a statement that has none yet (still being parsed) is its own digest.
 */
export function toSessionTuple(s: ActiveSession): SessionTuple {
  const cpu = s.waitEventType === null;
  return {
    waitEventType: cpu ? "CPU" : (s.waitEventType as string),
    waitEvent: cpu ? "CPU" : `${s.waitEventType}:${s.waitEvent ?? ""}`,
    tokenizedId: tokenizedIdOf(s),
    tokenizedDbId: s.queryId ?? "",
    sqlId: dimensionId(`sql\u0000${s.query}`),
    userId: s.userId,
    userName: s.userName,
    application: s.application,
  };
}

export function tokenizedIdOf(s: Pick<ActiveSession, "queryId" | "query">): string {
  return s.queryId === null ? dimensionId(`text\u0000${s.query}`) : digestIdOf(s.queryId);
}

export function digestIdOf(queryId: string): string {
  return dimensionId(`queryid\u0000${queryId}`);
}
