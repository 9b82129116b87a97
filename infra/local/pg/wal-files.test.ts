import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { cutWalAt, parseLsn, parseWalFileName, walFileName, walFilesFor } from "./wal-files";

const SEG = 16n * 1024n * 1024n;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A pg_wal-like directory: each named segment file full of 0xAB, plus any other names given. */
function walDir(names: string[]): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "wal-files-"));
  dir = d;
  for (const name of names)
    writeFileSync(path.join(d, name), /^[0-9A-F]{24}$/.test(name) ? Buffer.alloc(Number(SEG), 0xab) : "");
  return d;
}

describe("WAL file names", () => {
  test("name ↔ timeline and segment number, as PostgreSQL's XLogFileName", () => {
    expect(walFileName(2, parseLsn("1/A3000028"), SEG)).toBe("0000000200000001000000A3");
    expect(parseWalFileName("0000000200000001000000A3", SEG)).toEqual({ timeline: 2, segno: 0x1a3n });
    expect(parseWalFileName("000000020000000100000003.partial", SEG)).toBeUndefined();
    expect(parseWalFileName("00000002.history", SEG)).toBeUndefined();
  });
});

describe("walFilesFor", () => {
  test("every timeline's segments in the range and the history of the timelines they are on, nothing later", () => {
    const d = walDir([
      "000000010000000000000002",
      "000000010000000000000003",
      "000000010000000000000004",
      "000000020000000000000004",
      "000000020000000000000005",
      "000000020000000000000006",
      "000000010000000000000004.partial",
      "00000002.history",
      "00000003.history",
    ]);
    return expect(walFilesFor(d, parseLsn("0/3000028"), parseLsn("0/5001000"), SEG)).resolves.toEqual([
      "00000002.history",
      "000000010000000000000003",
      "000000010000000000000004",
      "000000020000000000000004",
      "000000020000000000000005",
    ]);
  });

  test("a stop on a segment boundary needs nothing of the next segment", async () => {
    const d = walDir(["000000010000000000000003"]);
    await expect(walFilesFor(d, parseLsn("0/3000028"), parseLsn("0/4000000"), SEG)).resolves.toEqual([
      "000000010000000000000003",
    ]);
  });

  test("a segment no timeline has is named in the error", async () => {
    const d = walDir(["000000010000000000000003", "000000010000000000000005"]);
    await expect(walFilesFor(d, parseLsn("0/3000028"), parseLsn("0/5000100"), SEG)).rejects.toThrow(
      /0000000000000004 \(any timeline\)/,
    );
  });
});

describe("cutWalAt", () => {
  test("zeroes every timeline's copy of the stop segment after the stop, keeps its size, and drops later segments", async () => {
    const d = walDir([
      "000000010000000000000004",
      "000000020000000000000004",
      "000000020000000000000005",
      "00000002.history",
    ]);
    await cutWalAt(d, parseLsn("0/4000100"), SEG);
    expect(readdirSync(d).sort()).toEqual(["000000010000000000000004", "00000002.history", "000000020000000000000004"]);
    for (const name of ["000000010000000000000004", "000000020000000000000004"]) {
      const bytes = readFileSync(path.join(d, name));
      expect(statSync(path.join(d, name)).size).toBe(Number(SEG));
      expect(bytes[0xff]).toBe(0xab);
      expect(bytes.subarray(0x100).every((b) => b === 0)).toBe(true);
    }
  });

  test("a stop on a segment boundary keeps the segment before it whole and drops the one it starts", async () => {
    const d = walDir(["000000010000000000000003", "000000010000000000000004"]);
    await cutWalAt(d, parseLsn("0/4000000"), SEG);
    expect(readdirSync(d)).toEqual(["000000010000000000000003"]);
    expect(readFileSync(path.join(d, "000000010000000000000003")).every((b) => b === 0xab)).toBe(true);
  });
});
