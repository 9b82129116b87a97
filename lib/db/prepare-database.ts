/**
 * Readies the users API's database when the server starts: opens the pools and
 * probes, and applies pending migrations. A writer that cannot be reached does
 * not stop the server (the dashboard must work while the writer fails over):
 * migrating is retried in the background and the API answers 503 meanwhile.
 */
import "server-only";
import { getConfig } from "../config";
import type { DatabaseConfig } from "../database-env-vars";
import { log } from "../log";
import { getDatabase } from "./database";
import { driverError, isUnavailableError } from "./driver-error";
import { migrateWithLock } from "./migrate";

const RETRY_MS = 5_000;

export async function prepareDatabase(): Promise<void> {
  const config = getConfig().database;
  if (!config) {
    log().info("users API disabled: DATABASE_WRITER_URL is not set");
    return;
  }
  getDatabase();
  await migrateOrRetry(config);
}

async function migrateOrRetry(config: DatabaseConfig): Promise<void> {
  try {
    await migrateWithLock({ url: config.writerUrl, connectTimeoutMs: config.connectTimeoutMs });
  } catch (error) {
    const { code, message } = driverError(error);
    if (!isUnavailableError(error)) {
      log().error({ code, reason: message }, "database migration failed; the users API will answer 500");
      return;
    }
    log().warn({ code, reason: message, retryInMs: RETRY_MS }, "writer unreachable; migrations will be retried");
    setTimeout(() => void migrateOrRetry(config), RETRY_MS).unref();
  }
}
