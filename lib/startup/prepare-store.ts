/**
 * Readies rdsdeck's store when the server starts: its migrations and audit
 * retention (lib/store), then what depends on the store: the first admin on
 * first run and the API-key registry. Unlike the fleet's writer, the store is
 * required: without it nobody can sign in, so a store that cannot be reached
 * is retried.
 */
import "server-only";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { getConfig } from "../config";
import { ensureFirstAdmin } from "../dashboard-users/first-admin";
import { driverError } from "../db/driver-error";
import { log } from "../log";
import { logPruneFailure, migrateStore, pruneAsOwner } from "../store/migrate-store";

const RETRY_MS = 3_000;
const DAY_MS = 86_400_000;

/** A server that runs for months prunes as it goes, not only when it starts. */
function pruneDaily(ownerUrl: string, auditRetentionDays: number): void {
  setInterval(() => {
    pruneAsOwner({ ownerUrl, auditRetentionDays }).catch(logPruneFailure);
  }, DAY_MS).unref();
}

export async function prepareStore(): Promise<void> {
  const { storeUrl, storeOwnerUrl, secret, auditRetentionDays } = getConfig().auth;
  if (!storeUrl || !secret) {
    log().error("sign-in disabled: RDSDECK_STORE_URL and RDSDECK_AUTH_SECRET must both be set");
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateStore({ url: storeUrl, ownerUrl: storeOwnerUrl, auditRetentionDays });
      await ensureFirstAdmin();
      await apiKeyRegistry().start();
      if (storeOwnerUrl && auditRetentionDays > 0) pruneDaily(storeOwnerUrl, auditRetentionDays);
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
