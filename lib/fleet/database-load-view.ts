import "server-only";
import { Unavailable } from "../errors";
import type { DatabaseLoad, TopSqlView } from "./database-load-model";
import type { DbInstance } from "./fleet-model";
import { getDatabaseLoad } from "./get-database-load";
import { getStatementLoad } from "./get-statement-load";
import type { MetricRange } from "./metric-range";
import { withFullTexts } from "./statement-text";
import { topSql } from "./top-sql";

/** An instance's Database load and top SQL (each statement with its full text and load over time), as its page shows them. */
export async function databaseLoadView(o: {
  instance: DbInstance;
  range: MetricRange;
  now: Date;
}): Promise<{ load: DatabaseLoad; topSql: TopSqlView[] }> {
  const { identifier, dbiResourceId } = o.instance;
  if (!o.instance.performanceInsightsEnabled || dbiResourceId === undefined) {
    throw new Unavailable(`Performance Insights is not enabled on ${identifier}.`);
  }
  const read = { identifier, dbiResourceId, range: o.range, now: o.now };
  const [load, statements] = await Promise.all([getDatabaseLoad(read), topSql(read)]);
  const [withTexts, loadByDigest] = await Promise.all([
    withFullTexts({ identifier, dbiResourceId, statements }),
    getStatementLoad({ ...read, digestIds: statements.map((s) => s.id) }),
  ]);
  return { load, topSql: withTexts.map((s) => ({ ...s, loadOverTime: loadByDigest.get(s.id) ?? [] })) };
}
