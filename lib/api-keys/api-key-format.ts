/**
 * API keys: `rdk_` and 43 characters of base64url, 256 random bits. Stored
 * only as sha256: a key is not a password a person chose, so it cannot be
 * guessed from a dictionary, and a slow (memory-hard) hash would buy nothing
 * but cost every request; sha256 of 256 random bits is as strong as the key.
 */
import { createHash, randomBytes } from "node:crypto";

export const apiKeyScopes = ["read", "read-write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

const PREFIX = "rdk_";

export function generateApiKey(): string {
  return `${PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What the pages show of a key: enough to tell keys apart, never enough to use one. */
export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX.length + 6);
}
