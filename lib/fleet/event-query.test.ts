import { describe, expect, it } from "vitest";
import { parseEventQuery, toEventFilter } from "./event-query";

describe("parseEventQuery", () => {
  it("defaults to every event of the last 24 hours, ignoring parameters it does not know", () => {
    expect(parseEventQuery({ utm_source: "mail" })).toEqual({
      ok: true,
      query: { source: undefined, type: undefined, category: undefined, window: "24h" },
    });
  });

  it("reads a source, its type, a category and a window; empty values mean any", () => {
    expect(parseEventQuery({ source: "production-myapp", type: "db-instance", category: "", window: "1h" })).toEqual({
      ok: true,
      query: { source: "production-myapp", type: "db-instance", category: undefined, window: "1h" },
    });
  });

  it.each([
    [{ window: "forever" }, "window", /expected one of 1h, 6h, 24h/],
    [{ type: "db-table" }, "type", /expected one of db-instance/],
    [{ category: "drama" }, "category", /expected one of availability/],
    [{ source: "<script>", type: "db-instance" }, "source", /letters, digits/],
    [{ source: "production-myapp" }, "type", /choose a source type/],
    [{ window: ["1h", "6h"] }, "window", /one value/],
  ])("rejects %j with a message about %s", (params, field, message) => {
    const parsed = parseEventQuery(params);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});

describe("toEventFilter", () => {
  it("turns the window into a start time before now", () => {
    const now = new Date("2026-11-25T19:00:00Z");
    const filter = toEventFilter(
      { source: "production-myapp", type: "db-instance", category: "failover", window: "6h" },
      now,
    );
    expect(filter).toEqual({
      source: { type: "db-instance", identifier: "production-myapp" },
      categories: ["failover"],
      startTime: new Date("2026-11-25T13:00:00Z"),
      endTime: now,
    });
  });
});
