import type { SessionTuple, StatementTexts } from "./dimensions";

/**
 * The statement texts behind tuple ids: the digest's normalised text
 * (pg_stat_statements.query) and one real statement per db.sql id
 * (pg_stat_activity.query). Kept while a sampled second refers to them.
 */
export class StatementTextStore implements StatementTexts {
  private readonly tokenizedTexts = new Map<string, string>();
  private readonly sqlTexts = new Map<string, { text: string; tokenizedId: string }>();
  /** Told every text as first remembered: the journal that keeps them across restarts. */
  onText:
    | ((text: { tokenizedId: string; text: string } | { sqlId: string; text: string; tokenizedId: string }) => void)
    | undefined;

  tokenized(tokenizedId: string): string | undefined {
    return this.tokenizedTexts.get(tokenizedId);
  }

  sql(sqlId: string): { text: string; tokenizedId: string } | undefined {
    return this.sqlTexts.get(sqlId);
  }

  hasTokenized(tokenizedId: string): boolean {
    return this.tokenizedTexts.has(tokenizedId);
  }

  rememberTokenized(tokenizedId: string, text: string): void {
    if (this.tokenizedTexts.get(tokenizedId) === text) return;
    this.tokenizedTexts.set(tokenizedId, text);
    this.onText?.({ tokenizedId, text });
  }

  rememberSql(sqlId: string, text: string, tokenizedId: string): void {
    if (this.sqlTexts.has(sqlId)) return;
    this.sqlTexts.set(sqlId, { text, tokenizedId });
    this.onText?.({ sqlId, text, tokenizedId });
  }

  /** Drops the texts no live tuple refers to. */
  prune(live: Iterable<SessionTuple>, keepTokenized: ReadonlySet<string> = new Set()): void {
    const tokenized = new Set(keepTokenized);
    const sql = new Set<string>();
    for (const t of live) {
      tokenized.add(t.tokenizedId);
      sql.add(t.sqlId);
    }
    for (const id of this.tokenizedTexts.keys()) if (!tokenized.has(id)) this.tokenizedTexts.delete(id);
    for (const id of this.sqlTexts.keys()) if (!sql.has(id)) this.sqlTexts.delete(id);
  }
}
