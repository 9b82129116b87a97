import { describe, expect, it } from "vitest";
import { transitionsAtRequest, withStatus } from "./status-transitions";

describe("transitionsAtRequest (RDS answered `rebooting` at 11:35:18.000)", () => {
  it.each([
    ["a render after the answer, still rebooting", "rebooting", "11:35:18.100", ["available", "rebooting"]],
    // The failover finished and a refresh showed it before the answer reached the dialog: kept.
    [
      "a render after the answer that already shows the outcome",
      "available",
      "11:35:19.100",
      ["available", "rebooting", "available"],
    ],
    // A status read before RDS answered is the state before the action: left out.
    ["a render from before the answer", "available", "11:35:17.900", ["available", "rebooting"]],
  ])("%s (%s, read at %s) → %j", (_, status, readAt, expected) => {
    const transitions = transitionsAtRequest({
      before: "available",
      answered: "rebooting",
      answeredAt: "2026-12-06T11:35:18.000Z",
      status,
      renderedAt: `2026-12-06T${readAt}Z`,
    });
    expect(transitions).toEqual(expected);
  });
});

describe("withStatus", () => {
  it("adds a new status, never the same twice in a row, keeping the last 8", () => {
    expect(withStatus(["available", "rebooting"], "rebooting")).toEqual(["available", "rebooting"]);
    expect(withStatus(["available", "rebooting"], "available")).toEqual(["available", "rebooting", "available"]);
    const long = Array.from({ length: 8 }, (_, i) => `s${i}`);
    expect(withStatus(long, "last")).toEqual([...long.slice(1), "last"]);
  });
});
