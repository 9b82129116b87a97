/**
 * The two tables of "How alarm state is evaluated when data is missing"
 * (CloudWatch User Guide), row by row: M of N, the datapoints oldest first
 * (0 within the threshold, X breaching, - missing), and the expected state for
 * each TreatMissingData mode in MODES order ("retain": the state is kept).
 * Shared by the evaluator's unit test and the API-level test on a real fleet.
 */
import type { TreatMissingData } from "../alarm-types";

export const MODES = ["missing", "ignore", "breaching", "notBreaching"] as const satisfies readonly TreatMissingData[];

export type Expected = "OK" | "ALARM" | "INSUFFICIENT_DATA" | "retain";

export const GUIDE: Array<[m: number, n: number, pattern: string, results: [Expected, Expected, Expected, Expected]]> =
  [
    [3, 3, "0 - X - X", ["OK", "OK", "OK", "OK"]],
    [3, 3, "0 - - - -", ["OK", "OK", "OK", "OK"]],
    [3, 3, "- - - - -", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
    [3, 3, "0 X X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    [3, 3, "- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
    [3, 3, "X - - - -", ["ALARM", "retain", "ALARM", "OK"]],
    [2, 3, "0 - X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    [2, 3, "0 0 X 0 X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    [2, 3, "0 - X - -", ["OK", "OK", "ALARM", "OK"]],
    [2, 3, "- - - - 0", ["OK", "OK", "ALARM", "OK"]],
    [2, 3, "- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
  ];
