/**
 * Performance Insights' dimensions for RDS for PostgreSQL, as the PI API
 * names them: each active session sampled is one tuple of these values, and
 * every GroupBy, Filter and dimension key is read off the tuple.
 */

/** One active session at one sample: what it waits on, which SQL it runs, as whom, from which application. */
export interface SessionTuple {
  /** "CPU" when active with no wait event, else pg_stat_activity.wait_event_type ("Lock", "IO", …). */
  readonly waitEventType: string;
  /** "CPU", or "<type>:<event>" as RDS for PostgreSQL names wait events ("Lock:transactionid"). */
  readonly waitEvent: string;
  readonly tokenizedId: string;
  /** pg_stat_statements' queryid, the digest's id inside the database. */
  readonly tokenizedDbId: string;
  readonly sqlId: string;
  readonly userId: string;
  readonly userName: string;
  readonly application: string;
}

/** Statement texts are looked up, not stored in every tuple. */
export interface StatementTexts {
  tokenized(tokenizedId: string): string | undefined;
  sql(sqlId: string): { text: string; tokenizedId: string } | undefined;
}

type DimensionReader = (tuple: SessionTuple, texts: StatementTexts) => string;

/** Per group: its dimensions in PI's order, and the dimensions that identify a key of the group. */
export const DIMENSION_GROUPS: Readonly<
  Record<
    string,
    { readonly dimensions: Readonly<Record<string, DimensionReader>>; readonly identity: readonly string[] }
  >
> = {
  "db.wait_event": {
    dimensions: {
      "db.wait_event.name": (t) => t.waitEvent,
      "db.wait_event.type": (t) => t.waitEventType,
    },
    identity: ["db.wait_event.name"],
  },
  "db.wait_event_type": {
    dimensions: { "db.wait_event_type.name": (t) => t.waitEventType },
    identity: ["db.wait_event_type.name"],
  },
  "db.sql_tokenized": {
    dimensions: {
      "db.sql_tokenized.id": (t) => t.tokenizedId,
      "db.sql_tokenized.db_id": (t) => t.tokenizedDbId,
      "db.sql_tokenized.statement": (t, texts) => texts.tokenized(t.tokenizedId) ?? "",
    },
    identity: ["db.sql_tokenized.id"],
  },
  "db.sql": {
    dimensions: {
      "db.sql.id": (t) => t.sqlId,
      "db.sql.statement": (t, texts) => texts.sql(t.sqlId)?.text ?? "",
      "db.sql.tokenized_id": (t) => t.tokenizedId,
    },
    identity: ["db.sql.id"],
  },
  "db.user": {
    dimensions: {
      "db.user.id": (t) => t.userId,
      "db.user.name": (t) => t.userName,
    },
    identity: ["db.user.name"],
  },
  "db.application": {
    dimensions: { "db.application.name": (t) => t.application },
    identity: ["db.application.name"],
  },
};

/** Every dimension by its full name ("db.wait_event.type"), for filters. */
export const DIMENSIONS: ReadonlyMap<string, DimensionReader> = new Map(
  Object.values(DIMENSION_GROUPS).flatMap((g) => Object.entries(g.dimensions)),
);

/** PI answers at most this many bytes of any one dimension value outside GetDimensionKeyDetails. */
export const MAX_VALUE_BYTES = 500;

export function truncateBytes(value: string, maxBytes = MAX_VALUE_BYTES): string {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length <= maxBytes) return value;
  // Cut on a character boundary: drop continuation bytes (10xxxxxx) left at the cut.
  let end = maxBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}
