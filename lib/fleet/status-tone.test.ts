import { describe, expect, it } from "vitest";
import { statusTone } from "./status-tone";

describe("statusTone", () => {
  it.each([
    ["available", "ok"],
    ["replicating", "ok"],
    ["rebooting", "progress"],
    ["backing-up", "progress"],
    ["creating", "progress"],
    ["some-future-state", "progress"],
    ["failed", "trouble"],
    ["storage-full", "trouble"],
    ["incompatible-parameters", "trouble"],
    ["inaccessible-encryption-credentials-recoverable", "trouble"],
    ["error", "trouble"],
    ["stopped", "inactive"],
  ])("%s is %s", (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});
