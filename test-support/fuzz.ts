/**
 * Runs a fast-check property with its share of the fuzzing budget and
 * records how many inputs it really ran, so the run's total is printed (and,
 * for `npm run test:fuzz`, asserted) by the global teardown.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { inject } from "vitest";
import { type FuzzedProperty, fuzzRuns } from "./fuzz-budget";

export type LedgerEntry = { property: FuzzedProperty; runs: number; skipped: number };

export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: FuzzedProperty,
  property: fc.IRawProperty<Ts>,
  params: Omit<fc.Parameters<Ts>, "numRuns"> = {},
): Promise<void> {
  const details = await fc.check(property, { ...params, numRuns: fuzzRuns(name) });
  const ledger = inject("fuzzLedger");
  if (ledger) {
    const entry: LedgerEntry = { property: name, runs: details.numRuns, skipped: details.numSkips };
    appendFileSync(ledger, `${JSON.stringify(entry)}\n`);
  }
  if (details.failed) {
    const report = await fc.asyncDefaultReportMessage(details);
    throw new Error(report ?? `${name}: property failed`, { cause: details.errorInstance });
  }
}
