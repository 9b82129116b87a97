/**
 * The app's configuration, parsed from the environment once per process.
 * instrumentation.ts calls getConfig() when the server starts, so a bad value
 * stops `next start` with a message naming the variable instead of failing on
 * the first request.
 */
import "server-only";
import { type Config, parseConfig } from "./env-vars";

export type { Config } from "./env-vars";
export { ConfigError } from "./env-vars";

let config: Config | undefined;

export function getConfig(): Config {
  config ??= parseConfig(process.env);
  return config;
}
