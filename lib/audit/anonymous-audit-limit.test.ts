/** The budget of audit entries that requests without a session may cause: per address, in all, per window. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AnonymousAuditLimiter, fieldNamesOnly } from "./anonymous-audit-limit";

// A refusal is logged once per window: the logger reads the app's configuration.
beforeAll(() => {
  vi.stubEnv("RDSDECK_MODE", "aws");
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
});

const admitted = (limiter: AnonymousAuditLimiter, address: string | undefined, times: number, now = 0) =>
  Array.from({ length: times }, () => limiter.admit(address, now)).filter(Boolean).length;

describe("AnonymousAuditLimiter", () => {
  it("admits perAddress entries per address and window, then none until the window has passed", () => {
    const limiter = new AnonymousAuditLimiter({ perAddress: 3, global: 100, windowMs: 1_000 });
    expect(admitted(limiter, "192.0.2.1", 10, 0)).toBe(3);
    expect(admitted(limiter, "192.0.2.1", 10, 999)).toBe(0);
    expect(admitted(limiter, "192.0.2.2", 10, 999)).toBe(3);
    expect(admitted(limiter, "192.0.2.1", 10, 1_000)).toBe(3);
  });

  it("holds a flood from many addresses to the global budget", () => {
    const limiter = new AnonymousAuditLimiter({ perAddress: 2, global: 50, windowMs: 1_000 });
    let total = 0;
    for (let i = 0; i < 1_000; i++) total += admitted(limiter, `2001:db8::${i.toString(16)}`, 2);
    expect(total).toBe(50);
    // A new window, a new budget.
    expect(admitted(limiter, "2001:db8::ffff", 2, 1_000)).toBe(2);
  });

  it("counts requests without a known address as one address", () => {
    const limiter = new AnonymousAuditLimiter({ perAddress: 2, global: 100, windowMs: 1_000 });
    expect(admitted(limiter, undefined, 5)).toBe(2);
  });

  it("keeps a bounded number of addresses in memory; those beyond share only the global budget", () => {
    const limiter = new AnonymousAuditLimiter({ perAddress: 1, global: 1_000_000, windowMs: 1_000 });
    for (let i = 0; i < 20_000; i++) limiter.admit(`10.0.${i >> 8}.${i & 255}`, 0);
    const tracked = (limiter as unknown as { addresses: Map<string, unknown> }).addresses.size;
    expect(tracked).toBeLessThanOrEqual(10_000);
    // Once the window has passed, expired addresses make room again.
    expect(limiter.admit("203.0.113.9", 1_000)).toBe(true);
    expect(limiter.admit("203.0.113.9", 1_000)).toBe(false);
  });
});

describe("fieldNamesOnly", () => {
  it("keeps at most 50 names of at most 100 characters, and no value", () => {
    const fields = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`${"n".repeat(200)}${i}`, "secret"]));
    const kept = fieldNamesOnly(fields);
    expect(kept.fields).toHaveLength(50);
    expect(kept.fields.every((name) => name.length === 100)).toBe(true);
    expect(JSON.stringify(kept)).not.toContain("secret");
  });
});
