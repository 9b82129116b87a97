import { describe, expect, test } from "vitest";
import { formatLsn, MAX_LSN, parseLsn } from "./lsn";

describe("WAL positions", () => {
  test.each([
    ["0/0", 0n],
    ["0/3000060", 0x3000060n],
    ["16/B374D848", (0x16n << 32n) | 0xb374d848n],
    ["ffffffff/ffffffff", MAX_LSN],
  ])("parses %s", (text, value) => {
    expect(parseLsn(text)).toBe(value);
  });

  test.each(["", "0", "0/", "/0", "0/0/0", "g/0", "123456789/0", " 0/1", "0/1 ", "-1/0", "0x1/0"])(
    "rejects %j",
    (text) => {
      expect(parseLsn(text)).toBeUndefined();
    },
  );

  test("compares numerically, not as text", () => {
    expect(parseLsn("0/A")! < parseLsn("0/10")!).toBe(true);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
  });

  test("formats as PostgreSQL does, so values round-trip", () => {
    for (const text of ["0/0", "0/3000060", "16/B374D848", "FFFFFFFF/FFFFFFFF"]) {
      expect(formatLsn(parseLsn(text)!)).toBe(text);
    }
  });
});
