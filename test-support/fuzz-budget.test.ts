/**
 * The fuzzing budget covers every property: a fast-check property outside
 * `checkProperty` would ignore RDSDECK_FUZZ_RUNS and escape the count, and
 * `npm run test:fuzz` (which runs *.property.test.ts) would skip it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_FUZZ_RUNS, type FuzzedProperty, fuzzRuns, fuzzShares, fuzzTotal } from "./fuzz-budget";

const root = new URL("..", import.meta.url).pathname;
const testFiles = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.test.ts"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file !== "" && !file.startsWith("node_modules/"));
const sources = new Map(testFiles.map((file) => [file, readFileSync(`${root}${file}`, "utf8")]));
const usesFastCheck = [...sources].filter(([, text]) => /^import [^\n]*from "fast-check";/m.test(text));

describe("the fuzzing budget", () => {
  test("every test file using fast-check is a *.property.test.ts and runs its properties through checkProperty", () => {
    expect(usesFastCheck.length).toBeGreaterThan(0);
    for (const [file, text] of usesFastCheck) {
      expect(file, file).toMatch(/\.property\.test\.ts$/);
      expect(text, file).not.toMatch(/fc\.(assert|check)\(/);
      expect(text, file).toContain("checkProperty(");
    }
  });

  test.each(Object.keys(fuzzShares))("%s is checked by exactly one property", (name) => {
    const users = usesFastCheck.filter(([, text]) => text.includes(`"${name}"`)).map(([file]) => file);
    expect(users).toHaveLength(1);
  });

  test.each([1, 6_000, 100_000, 1_234_567])(
    "RDSDECK_FUZZ_RUNS=%i: the properties' runs add up to at least that",
    (n) => {
      const total = (Object.keys(fuzzShares) as FuzzedProperty[]).reduce((sum, name) => sum + fuzzRuns(name, n), 0);
      expect(total).toBeGreaterThanOrEqual(n);
      // Rounding up adds at most one run per property.
      expect(total).toBeLessThanOrEqual(n + Object.keys(fuzzShares).length);
    },
  );

  test("RDSDECK_FUZZ_RUNS defaults for npm test and refuses what is not a positive whole number", () => {
    expect(fuzzTotal({})).toBe(DEFAULT_FUZZ_RUNS);
    expect(fuzzTotal({ RDSDECK_FUZZ_RUNS: "100000" })).toBe(100_000);
    for (const bad of ["0", "-5", "1e5", "100k", " 7"]) {
      expect(() => fuzzTotal({ RDSDECK_FUZZ_RUNS: bad })).toThrow(/^Invalid RDSDECK_FUZZ_RUNS/);
    }
  });
});
