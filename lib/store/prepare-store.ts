/**
 * Readies rdsdeck's store when the server starts: applies its migrations
 * (drizzle/store, under an advisory lock so several processes may start at
 * once), creates the first admin on first run, and starts the API-key
 * registry. Unlike the fleet's writer, the store is required: without it
 * nobody can sign in, so a store that cannot be reached is retried.
 */
import "server-only";
import path from "node:path";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { ensureFirstAdmin } from "../auth/first-admin";
import { getConfig } from "../config";
import { driverError } from "../db/driver-error";
import { migrateWithLock } from "../db/migrate";
import { log } from "../log";

const RETRY_MS = 3_000;

export const storeMigrationsFolder = () => path.join(process.cwd(), "drizzle", "store");

export async function migrateStore(url: string): Promise<void> {
  await migrateWithLock({ url, connectTimeoutMs: 5_000, migrationsFolder: storeMigrationsFolder() });
}

export async function prepareStore(): Promise<void> {
  const { storeUrl, secret } = getConfig().auth;
  if (!storeUrl || !secret) {
    log().error("sign-in disabled: RDSDECK_STORE_URL and RDSDECK_AUTH_SECRET must both be set");
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateStore(storeUrl);
      await ensureFirstAdmin();
      await apiKeyRegistry().start();
      return;
    } catch (error) {
      const { code, message } = driverError(error);
      if (attempt >= 20) {
        log().error({ code, reason: message }, "rdsdeck's store could not be prepared; sign-in will fail");
        return;
      }
      log().warn({ code, reason: message, retryInMs: RETRY_MS }, "rdsdeck's store not ready; retrying");
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
