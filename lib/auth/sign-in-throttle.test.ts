import { describe, expect, test } from "vitest";
import { recordAudit } from "../audit/record-audit";
import { storeForThisFile } from "../test-support/store-fixture";
import { currentLockout, lockoutMessage } from "./sign-in-throttle";

storeForThisFile();

const attempt = (target: string, outcome: "ok" | "failed" | "denied", ipAddress = "10.0.0.1") =>
  recordAudit({ actor: target, action: "sign-in", target, outcome, ipAddress });

describe("sign-in throttling, counted from the audit trail", () => {
  test("locks an account after 5 failures, with the minutes left", async () => {
    const who = "locked@example.com";
    for (let i = 0; i < 4; i++) await attempt(who, "failed");
    expect(await currentLockout(who, "10.0.0.1")).toBeUndefined();
    await attempt(who, "failed");
    const lockout = await currentLockout(who, "10.0.0.1");
    expect(lockout).toEqual({ scope: "account", retryAfterMinutes: 15 });
    expect(lockoutMessage(lockout!)).toBe(
      "Too many failed sign-ins for this account: it is locked for 15 minutes. Try again later, or ask an admin.",
    );
    // Refused attempts during the lockout do not extend it.
    await attempt(who, "denied");
    expect(await currentLockout(who, "10.0.0.1")).toEqual({ scope: "account", retryAfterMinutes: 15 });
  });

  test("a successful sign-in clears the account's count", async () => {
    const who = "forgetful@example.com";
    for (let i = 0; i < 4; i++) await attempt(who, "failed", "10.0.0.2");
    await attempt(who, "ok", "10.0.0.2");
    await attempt(who, "failed", "10.0.0.2");
    expect(await currentLockout(who, "10.0.0.2")).toBeUndefined();
  });

  test("locks an address after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await attempt(`guess-${i}@example.com`, "failed", "10.9.9.9");
    expect(await currentLockout("someone-else@example.com", "10.9.9.9")).toMatchObject({ scope: "address" });
    expect(await currentLockout("someone-else@example.com", "10.9.9.8")).toBeUndefined();
  });
});
