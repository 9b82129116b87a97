/**
 * One kept-open connection per node, as the engine's admin, to the
 * application database (where pg_stat_statements lives): what Performance
 * Insights reads each second (active sessions) and each interval (statement
 * counters). Statements are prepared once per connection; a broken
 * connection is dropped and reopened at the next call.
 */
import type pg from "pg";
import { type Login, type NodeAddress, nodeClient } from "../pg/sql-client";
import type { StatementCounters } from "./statement-history";

/** One active client session, as pg_stat_activity shows it. */
export interface ActiveSession {
  readonly waitEventType: string | null;
  readonly waitEvent: string | null;
  /** pg_stat_activity.query_id (compute_query_id), as text: a bigint. */
  readonly queryId: string | null;
  readonly userId: string;
  readonly userName: string;
  readonly application: string;
  readonly query: string;
}

/**
 * Client backends that are running a statement, the engine's own
 * connections (this one included) left out: they are the fleet's
 * machinery, which RDS's Performance Insights does not show either.
 */
const ACTIVE_SESSIONS_SQL = `
select wait_event_type as "waitEventType", wait_event as "waitEvent", query_id::text as "queryId",
       coalesce(usesysid::text, '') as "userId", coalesce(usename, '') as "userName",
       coalesce(application_name, '') as application, coalesce(query, '') as query
  from pg_stat_activity
 where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
   and application_name is distinct from 'rdsdeck-engine'`;

const TEXTS_SQL = "select queryid::text as id, query from pg_stat_statements where queryid = any($1::bigint[])";

const COUNTERS_SQL = `
select queryid::text as id, sum(calls)::float8 as calls, sum(rows)::float8 as rows,
       sum(total_plan_time + total_exec_time)::float8 as "totalTimeMs",
       (extract(epoch from min(stats_since)) * 1000)::float8 as "sinceMs"
  from pg_stat_statements(false) where queryid is not null group by queryid`;

/**
 * Changes when the counters start again from zero: a server restart or
 * pg_stat_statements_reset(); `startMs` is when the later of the two happened.
 */
const EPOCH_SQL = `
select pg_postmaster_start_time()::text || ' ' || coalesce(i.stats_reset::text, '') as epoch,
       (extract(epoch from greatest(pg_postmaster_start_time(), i.stats_reset)) * 1000)::float8 as "startMs"
  from (select (select stats_reset from pg_stat_statements_info) as stats_reset) i`;

export class ActivitySession {
  private client: pg.Client | undefined;
  /** The backend serving this session, for `npm run bench:metrics` to read its CPU time. */
  backendPid: number | undefined;

  constructor(
    private readonly at: NodeAddress,
    private readonly admin: Login,
    private readonly caCertPem: string,
    private readonly database: string,
  ) {}

  async activeSessions(): Promise<ActiveSession[]> {
    return (await this.query<ActiveSession>("rdsdeck-pi-activity", ACTIVE_SESSIONS_SQL)).rows;
  }

  /** Normalised texts of the given query ids that pg_stat_statements holds. */
  async statementTexts(queryIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.query<{ id: string; query: string | null }>("rdsdeck-pi-texts", TEXTS_SQL, [queryIds]);
    return new Map(rows.flatMap((r) => (r.query === null ? [] : [[r.id, r.query] as const])));
  }

  /** Every digest's cumulative counters, by query id, and the epoch they count from. */
  async statementCounters(): Promise<{
    epoch: string;
    epochStartMs: number;
    counters: Map<string, StatementCounters>;
  }> {
    const [first] = (await this.query<{ epoch: string; startMs: number }>("rdsdeck-pi-epoch", EPOCH_SQL)).rows;
    const { rows } = await this.query<StatementCounters & { id: string }>("rdsdeck-pi-counters", COUNTERS_SQL);
    return {
      epoch: first?.epoch ?? "",
      epochStartMs: first?.startMs ?? Number.POSITIVE_INFINITY,
      counters: new Map(rows.map(({ id, ...c }) => [id, c])),
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.backendPid = undefined;
    await client?.end().catch(() => undefined);
  }

  private async query<R extends pg.QueryResultRow>(name: string, text: string, values?: unknown[]) {
    try {
      const client = await this.connect();
      return await client.query<R>({ name, text, values });
    } catch (error) {
      // A statement error (pg_stat_statements missing) leaves the connection usable; anything else does not.
      if (!isSqlError(error)) await this.close();
      throw error;
    }
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = nodeClient(this.at, this.admin, this.caCertPem, { database: this.database });
    client.on("error", () => void this.close());
    await client.connect();
    this.client = client;
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    this.backendPid = rows[0]?.pid;
    return client;
  }
}

/** An error postgres raised for the statement (it has a SQLSTATE), as opposed to a broken connection. */
export function isSqlError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}
