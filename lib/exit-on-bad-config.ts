import "server-only";
import { ConfigError, getConfig } from "./config";

/**
 * Parses the configuration at server start. Next.js would log an error thrown
 * here and keep serving 500s, so a bad variable ends the process instead, with
 * one line naming it.
 */
export function exitOnBadConfig(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`rdsdeck cannot start: ${error.message}\n`);
    process.exit(1);
  }
}
