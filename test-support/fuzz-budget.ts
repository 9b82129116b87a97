/**
 * Where the fuzzing budget goes: every fast-check property of the project,
 * with its share of `RDSDECK_FUZZ_RUNS` (the total number of generated
 * inputs of a run). Shares are relative; a property's runs are its share of
 * the total, rounded up, so the runs add up to at least the total.
 *
 * The users API's properties run against a real fleet over HTTP (a few ms per
 * input, with two row snapshots each): they get a small share. The parsers
 * and forms are pure (microseconds per input) and take the rest.
 */
export const fuzzShares = {
  "users API: POST bodies": 3,
  "users API: PUT and DELETE by id": 3,
  "users API: GET query strings, ids and read tokens": 2,
  "users API: concurrent creates with colliding emails": 1,
  "RDS Query: form-encoded parameters": 6,
  "RDS Query: operation inputs": 12,
  "CloudWatch: JSON 1.0 requests": 10,
  "CloudWatch: RPC v2 CBOR requests": 10,
  "CloudWatch: Query requests": 8,
  "CloudWatch: request bodies (gzip, protocol detection)": 4,
  "form: create / edit alarm": 4,
  "form: fleet actions": 5,
  "form: typed confirmation": 2,
  "form: sign-in": 3,
  "form: dashboard users": 4,
  "form: change own password": 2,
  "form: API keys": 3,
  "query: audit filters": 3,
  "query: events page": 3,
  "query: alarms page": 2,
  "query: metric range": 2,
  "form: parameter groups": 3,
  "query: parameter group page": 1,
  "metric math: any text": 3,
  "metric math: printed expressions": 4,
} as const;

export type FuzzedProperty = keyof typeof fuzzShares;

/** `npm test`'s total when RDSDECK_FUZZ_RUNS is not set: enough to catch regressions, quick on 2 cores. */
export const DEFAULT_FUZZ_RUNS = 6_000;

/** The total from the environment, validated: a typo must not silently shrink a long run. */
export function fuzzTotal(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RDSDECK_FUZZ_RUNS;
  if (raw === undefined || raw === "") return DEFAULT_FUZZ_RUNS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`Invalid RDSDECK_FUZZ_RUNS: expected a positive whole number (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

const shareSum = Object.values(fuzzShares).reduce((sum, share) => sum + share, 0);

/** A property's number of generated inputs out of `total`. */
export function fuzzRuns(property: FuzzedProperty, total = fuzzTotal()): number {
  return Math.max(1, Math.ceil((total * fuzzShares[property]) / shareSum));
}
