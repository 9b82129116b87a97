/**
 * Vitest global setup: a ledger file every property appends its run count
 * to (test files run in separate workers), and at the end the total. With
 * RDSDECK_FUZZ_COMPLETE=1 (`npm run test:fuzz`) the run fails unless every
 * property of the budget ran and the inputs add up to RDSDECK_FUZZ_RUNS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { LedgerEntry } from "./fuzz";
import { fuzzShares, fuzzTotal } from "./fuzz-budget";

declare module "vitest" {
  export interface ProvidedContext {
    fuzzLedger: string;
  }
}

export default function setup(project: TestProject) {
  const total = fuzzTotal();
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-fuzz-"));
  const ledger = path.join(dir, "ledger.jsonl");
  writeFileSync(ledger, "");
  project.provide("fuzzLedger", ledger);
  const started = performance.now();

  return () => {
    const entries = readFileSync(ledger, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as LedgerEntry);
    rmSync(dir, { recursive: true, force: true });
    if (entries.length === 0) return;
    const inputs = entries.reduce((sum, e) => sum + e.runs, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${inputs.toLocaleString("en")} generated inputs across ${entries.length} properties ` +
        `(RDSDECK_FUZZ_RUNS=${total}) in ${seconds} s`,
    );
    if (process.env.RDSDECK_FUZZ_COMPLETE !== "1") return;
    const ran = new Set(entries.map((e) => e.property));
    const missing = Object.keys(fuzzShares).filter((name) => !ran.has(name as LedgerEntry["property"]));
    const problems = [
      ...(missing.length > 0 ? [`these properties did not run: ${missing.join("; ")}`] : []),
      ...(inputs < total ? [`${inputs} generated inputs, fewer than RDSDECK_FUZZ_RUNS=${total}`] : []),
    ];
    // Vitest reports an error thrown here but still exits 0: the exit code is set instead.
    for (const problem of problems) console.error(`fuzz: FAILED: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  };
}
