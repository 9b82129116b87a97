import { describe, expect, test } from "vitest";
import { recordAudit } from "../audit/record-audit";
import { storeForThisFile } from "../test-support/store-fixture";
import { addressDelaySeconds, currentLockout, lockoutMessage, UNLOCK_SIGN_IN } from "./sign-in-throttle";

const store = storeForThisFile();

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

  test("an admin's unlock lifts an account's lockout at once, and the count starts again", async () => {
    const who = "held-out@example.com";
    for (let i = 0; i < 5; i++) await attempt(who, "failed", `10.3.0.${i}`);
    expect(await currentLockout(who, "10.3.1.1")).toMatchObject({ scope: "account" });
    await recordAudit({ actor: "admin@example.com", action: UNLOCK_SIGN_IN, target: who, outcome: "ok" });
    expect(await currentLockout(who, "10.3.1.1")).toBeUndefined();
    for (let i = 0; i < 4; i++) await attempt(who, "failed", `10.3.2.${i}`);
    expect(await currentLockout(who, "10.3.1.1")).toBeUndefined();
    await attempt(who, "failed", "10.3.2.9");
    expect(await currentLockout(who, "10.3.1.1")).toMatchObject({ scope: "account" });
  });

  test("an address is slowed, never locked: past 20 failures the wait doubles, counted from its latest failure", async () => {
    // 21 failures, the latest ten minutes ago: the 2 s wait is long past.
    await failuresAt("10.9.9.1", 21, "10 minutes");
    expect(await currentLockout("someone@example.com", "10.9.9.1")).toBeUndefined();
    // 30 failures, the latest just now: 2^10 s, capped at the 15-minute window.
    await failuresAt("10.9.9.2", 30, "0 seconds");
    const slowed = await currentLockout("someone@example.com", "10.9.9.2");
    expect(slowed).toMatchObject({ scope: "address" });
    expect(slowed?.scope === "address" && slowed.retryAfterSeconds).toBeGreaterThan(800);
    expect(lockoutMessage({ scope: "address", retryAfterSeconds: 900 })).toBe(
      "Too many failed sign-ins from your address: try again in 15 minutes.",
    );
    expect(await currentLockout("someone@example.com", "10.9.9.3")).toBeUndefined();
  });

  test("another account's success from the same address does not reset the address's count", async () => {
    await failuresAt("10.9.8.1", 30, "0 seconds");
    await attempt("insider@example.com", "ok", "10.9.8.1");
    expect(await currentLockout("someone@example.com", "10.9.8.1")).toMatchObject({ scope: "address" });
  });

  test.each([
    [0, 1],
    [1, 2],
    [5, 32],
    [9, 512],
    [10, 900],
    [1000, 900],
  ])("%i failures past the allowance → a wait of %i s", (beyond, seconds) => {
    expect(addressDelaySeconds(beyond, 15)).toBe(seconds);
  });
});

/** `n` failed sign-ins from `ipAddress` across accounts, the latest `ago` (written as the app writes entries). */
async function failuresAt(ipAddress: string, n: number, ago: string): Promise<void> {
  await store().query(
    `insert into audit_entries (at, actor, action, target, outcome, ip_address)
     select now() - $3::interval - make_interval(secs => i), 'anonymous', 'sign-in', null, 'failed', $1
     from generate_series(0, $2 - 1) i`,
    [ipAddress, n, ago],
  );
}
