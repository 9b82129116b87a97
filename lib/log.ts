/**
 * The server's structured logger: one JSON line per event on stdout. Secrets
 * are redacted by key wherever they appear in the logged object.
 */
import "server-only";
import pino from "pino";
import { getConfig } from "./config";

const SECRET_KEYS = [
  "password",
  "secretAccessKey",
  "sessionToken",
  "accessKeyId",
  "credentials",
  "authorization",
  "cookie",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
];

export const redactPaths = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers["x-amz-security-token"]',
];

let logger: pino.Logger | undefined;

/** The process's logger, created on first use so that importing this module never reads the environment. */
export function log(): pino.Logger {
  logger ??= pino({
    name: "rdsdeck",
    level: getConfig().logLevel,
    redact: { paths: redactPaths, censor: "[redacted]" },
    base: { pid: process.pid },
  });
  return logger;
}
