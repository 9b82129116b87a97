import { describe, expect, it } from "vitest";
import { transitionsAtRequest, withStatus } from "./status-transitions";

const answeredAt = "2026-12-06T11:35:18.000Z";

describe("transitionsAtRequest", () => {
  it("starts with the status before and what RDS answered", () => {
    expect(
      transitionsAtRequest({
        before: "available",
        answered: "rebooting",
        answeredAt,
        status: "rebooting",
        renderedAt: "2026-12-06T11:35:18.100Z",
      }),
    ).toEqual(["available", "rebooting"]);
  });

  it("keeps an outcome the page rendered before it learnt the request was accepted", () => {
    // The failover finished and a refresh showed `available` before the answer reached the dialog.
    expect(
      transitionsAtRequest({
        before: "available",
        answered: "rebooting",
        answeredAt,
        status: "available",
        renderedAt: "2026-12-06T11:35:19.100Z",
      }),
    ).toEqual(["available", "rebooting", "available"]);
  });

  it("ignores a status read before RDS answered: it is the state before the action", () => {
    expect(
      transitionsAtRequest({
        before: "available",
        answered: "rebooting",
        answeredAt,
        status: "available",
        renderedAt: "2026-12-06T11:35:17.900Z",
      }),
    ).toEqual(["available", "rebooting"]);
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
