import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("list cursors", () => {
  test("round-trip the exact key, microseconds included", () => {
    const key = { createdAt: "2025-11-25T19:04:05.123456Z", id: 42 };
    const text = encodeCursor(key);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(key);
  });

  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  test.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["a bare timestamp", b64("2025-11-25T19:04:05.123456Z")],
    ["milliseconds only", b64("2025-11-25T19:04:05.123Z 1")],
    ["id 0", b64("2025-11-25T19:04:05.123456Z 0")],
    ["id past int4", b64("2025-11-25T19:04:05.123456Z 2147483648")],
    ["February 30", b64("2025-02-30T19:04:05.123456Z 1")],
    ["hour 25", b64("2025-11-25T25:04:05.123456Z 1")],
    ["before 1970", b64("1969-12-31T23:59:59.000000Z 1")],
    ["too long", "A".repeat(101)],
  ])("rejects %s", (_what, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
