/**
 * When an API key stops working, against a real store: at its expiry, and
 * while the admin who made it is disabled — answered with the very 401 a
 * revoked key gets, by the in-memory check (no query per request).
 */
import { describe, expect, test } from "vitest";
import { createDashboardUser } from "../dashboard-users/create-dashboard-user";
import { setDashboardUserDisabled } from "../dashboard-users/manage-dashboard-users";
import { storeForThisFile } from "../test-support/store-fixture";
import { apiKeyRegistry } from "./key-registry";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys";

const store = storeForThisFile();

/** What the users API would answer the key (at `now`): "ok", or the error's name and message. */
function answer(key: string, now?: number): string {
  try {
    const pending = apiKeyRegistry().check(`Bearer ${key}`, "read", now);
    if (pending) throw new Error("the registry was not loaded: the check would have waited for the store");
    return "ok";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const REVOKED = "Unauthorized: The API key is not valid, or was revoked.";

async function admin(email: string): Promise<string> {
  return (await createDashboardUser({ email, name: email, role: "admin", password: "key-admin-password-01" })).id;
}

describe("API key lifetimes", () => {
  test("a key past its expiry gets the same 401 as a revoked one, from the cached keys, between reloads", async () => {
    const expiresAt = Date.now() + 60_000;
    const soon = await createApiKey({
      name: "expiring",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "tests",
      expiresAt: new Date(expiresAt),
    });
    const revoked = await createApiKey({ name: "revoked", scope: "read", rateLimitPerSecond: 100, createdBy: "tests" });
    await revokeApiKey({ id: revoked.id });
    expect(answer(revoked.key)).toBe(REVOKED);
    expect(answer(soon.key)).toBe("ok");
    // The store still lists it as active (its expiry is a minute away): only the in-memory comparison can refuse it.
    await apiKeyRegistry().refresh();
    expect(answer(soon.key, expiresAt - 1)).toBe("ok");
    expect(answer(soon.key, expiresAt)).toBe(REVOKED);
    expect(answer(soon.key, expiresAt + 86_400_000)).toBe(REVOKED);
  });

  test("a key already expired is not even loaded", async () => {
    const past = await createApiKey({
      name: "expired",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "tests",
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect(answer(past.key)).toBe(REVOKED);
    expect(apiKeyRegistry().identify(`Bearer ${past.key}`)).toBeUndefined();
  });

  test("a key without expiry works until revoked; the list shows each key's expiry", async () => {
    const forever = await createApiKey({ name: "forever", scope: "read", rateLimitPerSecond: 100, createdBy: "tests" });
    const dated = await createApiKey({
      name: "dated",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "tests",
      expiresAt: new Date("2099-01-01T00:00:00Z"),
    });
    expect(answer(forever.key)).toBe("ok");
    expect(answer(dated.key)).toBe("ok");
    const listed = await listApiKeys();
    expect(listed.find((k) => k.id === forever.id)?.expiresAt).toBeNull();
    expect(listed.find((k) => k.id === dated.id)?.expiresAt).toEqual(new Date("2099-01-01T00:00:00Z"));
  });

  test("disabling its creator stops a key at once in this process; enabling them brings it back", async () => {
    const creator = await admin("key-creator@example.com");
    const other = await admin("other-admin@example.com");
    const key = await createApiKey({
      name: "creator's",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "key-creator@example.com",
    });
    const unrelated = await createApiKey({
      name: "other's",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "other-admin@example.com",
    });
    expect(answer(key.key)).toBe("ok");
    await setDashboardUserDisabled({ userId: creator, disabled: true, actorId: other });
    expect(answer(key.key)).toBe(REVOKED);
    expect(answer(unrelated.key)).toBe("ok");
    expect((await listApiKeys()).find((k) => k.id === key.id)?.creatorDisabled).toBe(true);
    await setDashboardUserDisabled({ userId: creator, disabled: false, actorId: other });
    expect(answer(key.key)).toBe("ok");
  });

  test("a creator disabled by another process: the key stops at this process's next reload", async () => {
    const creator = await admin("elsewhere-disabled@example.com");
    const key = await createApiKey({
      name: "elsewhere",
      scope: "read",
      rateLimitPerSecond: 100,
      createdBy: "elsewhere-disabled@example.com",
    });
    expect(answer(key.key)).toBe("ok");
    await store().query("update dashboard_users set disabled = true where id = $1", [creator]);
    await apiKeyRegistry().refresh();
    expect(answer(key.key)).toBe(REVOKED);
  });
});
