/** Performance Insights as the instance page shows it: DB load by wait event, and the SQL that makes it. */

/** Average active sessions over one period, in all and per wait event ("CPU", "Lock:transactionid", …). */
export type DatabaseLoadPoint = {
  /** ISO time of the period's start. */
  at: string;
  total: number;
  byWaitEvent: Record<string, number>;
};

export type DatabaseLoad = {
  periodSeconds: number;
  /** The wait events charted, largest load first; the rest are in `total` only. */
  waitEvents: string[];
  points: DatabaseLoadPoint[];
};

/** One SQL digest (normalised statement) with its share of the load and pg_stat_statements' rates. */
export type TopSqlStatement = {
  /** PI's db.sql_tokenized.id. */
  id: string;
  /** The normalised text, as PI gives it: at most 500 bytes. */
  statement: string;
  /** Average active sessions running it over the range. */
  load: number;
  callsPerSecond: number;
  rowsPerSecond: number;
  /** Mean execution time per call (ms); undefined when it was not called in the range. */
  meanMsPerCall: number | undefined;
  /** PI's db.sql.id of one execution of this digest, whose full text GetDimensionKeyDetails gives. */
  sqlId: string | undefined;
  /** That execution's text as DescribeDimensionKeys gives it: cut at 500 bytes. */
  sqlStatement: string | undefined;
};

/** One SQL digest's average active sessions over one period (ISO time of its start). */
export type StatementLoadPoint = { at: string; load: number };

/** A top-SQL statement as the instance page shows it: its full text (GetDimensionKeyDetails) and its load over time. */
export type TopSqlView = TopSqlStatement & { fullText: string | undefined; loadOverTime: StatementLoadPoint[] };
