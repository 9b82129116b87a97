import { describe, expect, it } from "vitest";
import { parseAlarmQuery } from "./alarm-query";

describe("parseAlarmQuery", () => {
  it("reads no filter as every alarm", () => {
    expect(parseAlarmQuery({})).toEqual({ ok: true, query: { state: undefined, deleted: undefined } });
    expect(parseAlarmQuery({ state: "" })).toEqual({ ok: true, query: { state: undefined, deleted: undefined } });
  });

  it("reads a state and a deleted alarm's name", () => {
    expect(parseAlarmQuery({ state: "ALARM", deleted: "writer.cpu high" })).toEqual({
      ok: true,
      query: { state: "ALARM", deleted: "writer.cpu high" },
    });
  });

  it.each([
    [{ state: "alarm" }, "state", "expected one of ALARM, INSUFFICIENT_DATA, OK"],
    [{ state: ["OK", "ALARM"] }, "state", "expected one value, got several"],
    [{ deleted: "x".repeat(256) }, "deleted", "an alarm name has at most 255 characters"],
  ])("refuses %j, naming %s", (params, field, message) => {
    expect(parseAlarmQuery(params)).toEqual({ ok: false, issues: [{ field, message }] });
  });
});
