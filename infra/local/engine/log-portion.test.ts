import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { EngineFault } from "./fleet-ops";
import { DEFAULT_TAIL_LINES, type LogPortion, PORTION_MAX_BYTES, readLogPortion } from "./log-portion";

const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-log-portion-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function logFile(content: string): string {
  const file = path.join(dir, `postgresql.log.${++files}`);
  writeFileSync(file, content);
  return file;
}

const line = (i: number) => `2026-12-06 11:00:00.000 UTC [${i}] LOG:  line ${i} ${"x".repeat(i % 50)}\n`;
const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => line(from + i)).join("");

/** Pages from Marker "0" as the aws CLI's --starting-token 0 does, until AdditionalDataPending is false. */
function pageThrough(file: string, numberOfLines: number | undefined, finished = true): LogPortion[] {
  const pages: LogPortion[] = [];
  let marker = "0";
  for (;;) {
    const page = readLogPortion(file, { marker, numberOfLines, finished });
    pages.push(page);
    if (!page.pending) return pages;
    expect(page.marker, "a page that promises more must move the Marker").not.toBe(marker);
    marker = page.marker;
  }
}

describe("from Marker 0: every line once, in order", () => {
  test.each([
    [7, "by NumberOfLines"],
    [undefined, "to the end of the file"],
  ] as const)("in pages of %s lines (%s)", (numberOfLines, _how) => {
    const content = lines(0, 100);
    const pages = pageThrough(logFile(content), numberOfLines);
    expect(pages.map((p) => p.data).join("")).toBe(content);
    if (numberOfLines)
      expect(pages.slice(0, -1).every((p) => p.data.split("\n").length - 1 === numberOfLines)).toBe(true);
    expect(pages.at(-1)?.marker).toBe(String(Buffer.byteLength(content)));
  });

  test("a file over 1 MB takes several pages, none over 1 MB, each of whole lines", () => {
    const content = lines(0, 30_000); // about 2.4 MB
    expect(content.length).toBeGreaterThan(2 * PORTION_MAX_BYTES);
    const pages = pageThrough(logFile(content), undefined);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(Buffer.byteLength(page.data)).toBeLessThanOrEqual(PORTION_MAX_BYTES);
      expect(page.data.endsWith("\n")).toBe(true);
    }
    expect(pages.map((p) => p.data).join("")).toBe(content);
  });

  test("a line longer than 1 MB is cut at the cap (never inside a UTF-8 character) and continued", () => {
    const content = `${line(1)}${"é".repeat(PORTION_MAX_BYTES)}\n${line(2)}`; // the long line is 2 MB
    const pages = pageThrough(logFile(content), undefined);
    for (const page of pages) expect(page.data).not.toContain("\uFFFD");
    expect(pages.map((p) => p.data).join("")).toBe(content);
  });

  test("a growing file: the unterminated last line waits until it is whole; polling with the Marker follows it", () => {
    const file = logFile(`${line(1)}2026-12-06 11:00:00.000 UTC [2] ERR`);
    const first = readLogPortion(file, { marker: "0", finished: false });
    expect(first).toEqual({ data: line(1), marker: String(line(1).length), pending: false });
    appendFileSync(file, `OR:  relation "nope" does not exist\n${line(3)}`);
    const next = readLogPortion(file, { marker: first.marker, finished: false });
    expect(next.data).toBe(`2026-12-06 11:00:00.000 UTC [2] ERROR:  relation "nope" does not exist\n${line(3)}`);
    expect(next.pending).toBe(false);
    expect(readLogPortion(file, { marker: next.marker, finished: false })).toEqual({
      data: "",
      marker: next.marker,
      pending: false,
    });
  });

  test("a finished file's unterminated last line is returned", () => {
    const content = `${line(1)}the last words`;
    expect(
      pageThrough(logFile(content), undefined)
        .map((p) => p.data)
        .join(""),
    ).toBe(content);
  });
});

describe("without a Marker: the newest lines", () => {
  test("NumberOfLines from the end, in file order; the Marker then follows what comes next", () => {
    const file = logFile(lines(0, 50));
    const tail = readLogPortion(file, { numberOfLines: 3, finished: false });
    expect(tail.data).toBe(lines(47, 3));
    expect(tail.pending).toBe(false);
    appendFileSync(file, line(50));
    expect(readLogPortion(file, { marker: tail.marker, finished: false }).data).toBe(line(50));
  });

  test(`neither Marker nor NumberOfLines: the last ${DEFAULT_TAIL_LINES} lines`, () => {
    const content = lines(0, DEFAULT_TAIL_LINES + 5);
    const tail = readLogPortion(logFile(content), { finished: true });
    expect(tail.data).toBe(lines(5, DEFAULT_TAIL_LINES));
  });

  test("at most 1 MB, of whole lines only", () => {
    const tail = readLogPortion(logFile(lines(0, 30_000)), { numberOfLines: 30_000, finished: true });
    expect(Buffer.byteLength(tail.data)).toBeLessThanOrEqual(PORTION_MAX_BYTES);
    expect(tail.data.startsWith("2026-12-06 ")).toBe(true);
    expect(tail.data.endsWith(line(29_999))).toBe(true);
  });

  test("a file shorter than asked gives all of it; an empty one nothing", () => {
    expect(readLogPortion(logFile(lines(0, 2)), { numberOfLines: 10, finished: true }).data).toBe(lines(0, 2));
    expect(readLogPortion(logFile(""), { finished: false })).toEqual({ data: "", marker: "0", pending: false });
  });
});

describe("Marker refusals name the Marker", () => {
  test.each(["abc", "-1", "1e3", " 1", "9".repeat(16)])("%j", (marker) => {
    const file = logFile(lines(0, 2));
    expect(() => readLogPortion(file, { marker, finished: true })).toThrow(EngineFault);
    expect(() => readLogPortion(file, { marker, finished: true })).toThrow(/Marker/);
  });

  test("past the end of the file", () => {
    const file = logFile(lines(0, 2));
    const size = readFileSync(file).length;
    expect(() => readLogPortion(file, { marker: String(size + 1), finished: true })).toThrow(/Marker .* past the end/);
    expect(readLogPortion(file, { marker: String(size), finished: true }).data).toBe("");
  });
});
