/**
 * The variables of rdsdeck's own store and of sign-in: where users, sessions,
 * API keys and the audit trail live, the secret that signs sessions, the
 * dashboard's public URL, the first admin, sign-in throttling, how long a
 * session lasts and how long the audit trail keeps its entries.
 */
import path from "node:path";
import { z } from "zod";
import { boundedInt, emptyToUndefined, tlsPostgresUrl } from "./env-schema";
import type { EnvVar } from "./env-vars";

export const storeEnvVars: readonly EnvVar[] = [
  {
    name: "RDSDECK_STORE_URL",
    default: undefined,
    description:
      "postgres:// URL of rdsdeck's own store (dashboard users, sessions, API keys, audit trail), with TLS. Never the fleet's database. Set by npm start (the local rdsdeck-store); required to sign in.",
  },
  {
    name: "RDSDECK_STORE_OWNER_URL",
    default: undefined,
    description:
      "postgres:// URL of the role that owns the store's tables, used only to apply its migrations and grant the app's role (RDSDECK_STORE_URL's user) what it needs: on the audit trail only INSERT and SELECT. Unset: migrations run as the app's role, which then owns the audit table (a warning says so). Set by npm start.",
  },
  {
    name: "RDSDECK_AUTH_SECRET",
    default: undefined,
    description:
      "The secret that signs session cookies (at least 32 characters), the same for every app process. Set by npm start; never logged.",
  },
  {
    name: "RDSDECK_URL",
    default: "http://HOST:PORT",
    description:
      "The dashboard's public URL. Its origin is the only one whose forms and server actions are accepted; https (or any host but localhost) makes session cookies Secure and turns HSTS on.",
  },
  {
    name: "RDSDECK_ADMIN_EMAIL",
    default: "admin@rdsdeck.local",
    description: "The first admin's email, used once: when the store has no user yet.",
  },
  {
    name: "RDSDECK_ADMIN_PASSWORD",
    default: undefined,
    description:
      "The first admin's password (at least 12 characters), used once; the first sign-in must replace it. Unset: a random one is generated and written to RDSDECK_ADMIN_PASSWORD_FILE.",
  },
  {
    name: "RDSDECK_ADMIN_PASSWORD_FILE",
    default: undefined,
    description:
      "Where the first admin's generated password is written (mode 0600), never to the terminal or the log. Set by npm start to first-admin-password in the data directory. With neither this nor RDSDECK_ADMIN_PASSWORD, no first admin is created.",
  },
  {
    name: "RDSDECK_SESSION_HOURS",
    default: "12",
    description:
      "A session's absolute lifetime from sign-in, in hours (1–168): it is never extended by use, so a stolen cookie is worth at most this long.",
  },
  {
    name: "RDSDECK_AUDIT_RETENTION_DAYS",
    default: "400",
    description:
      "Audit entries older than this many days (30 or more) are deleted at start and once a day, by the store's owner role; 0 keeps every entry.",
  },
  {
    name: "RDSDECK_SIGNIN_MAX_FAILURES",
    default: "5",
    description: "Failed sign-ins for one account (or 4× as many from one address) before it is locked out.",
  },
  {
    name: "RDSDECK_TRUSTED_PROXY_HOPS",
    default: "0",
    description:
      "How many proxies of your own sit in front of the dashboard, each appending to X-Forwarded-For: the client's address (sign-in throttling, the audit) is that many entries from the right. 0: the socket's address, X-Forwarded-For ignored.",
  },
  {
    name: "RDSDECK_SIGNIN_LOCKOUT_MINUTES",
    default: "15",
    description: "The window failures are counted in, and how long a lockout lasts.",
  },
];

export const storeEnvShape = {
  RDSDECK_STORE_URL: z.preprocess(emptyToUndefined, tlsPostgresUrl.optional()),
  RDSDECK_STORE_OWNER_URL: z.preprocess(emptyToUndefined, tlsPostgresUrl.optional()),
  RDSDECK_AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "expected at least 32 characters").optional()),
  RDSDECK_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
  ),
  RDSDECK_ADMIN_EMAIL: z.preprocess(
    emptyToUndefined,
    z.email("expected an email address").default("admin@rdsdeck.local"),
  ),
  RDSDECK_ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, "expected at least 12 characters").max(128, "expected at most 128 characters").optional(),
  ),
  RDSDECK_ADMIN_PASSWORD_FILE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((value) => path.isAbsolute(value), { error: "expected an absolute path" })
      .optional(),
  ),
  RDSDECK_SESSION_HOURS: boundedInt("hours", 1, 168, 12),
  // 0 (keep everything) or at least 30 days: a prune can never take the last month's entries.
  RDSDECK_AUDIT_RETENTION_DAYS: boundedInt("days", 0, 36_500, 400).refine((days) => days === 0 || days >= 30, {
    error: "expected 0 (keep every entry) or at least 30 days",
  }),
  RDSDECK_SIGNIN_MAX_FAILURES: boundedInt("failures", 1, 1000, 5),
  RDSDECK_SIGNIN_LOCKOUT_MINUTES: boundedInt("minutes", 1, 1440, 15),
  RDSDECK_TRUSTED_PROXY_HOPS: boundedInt("proxies", 0, 10, 0),
};

export const secretStoreVars = [
  "RDSDECK_STORE_URL",
  "RDSDECK_STORE_OWNER_URL",
  "RDSDECK_AUTH_SECRET",
  "RDSDECK_ADMIN_PASSWORD",
];

export type AuthConfig = {
  /** Undefined when RDSDECK_STORE_URL is unset: nobody can sign in, and the app says why. */
  storeUrl: string | undefined;
  /** The tables' owner, for migrations; undefined: the app's own role migrates (and owns the tables). */
  storeOwnerUrl: string | undefined;
  secret: string | undefined;
  publicUrl: string;
  /** Secure cookies and HSTS everywhere but plain-http loopback. */
  secure: boolean;
  /** `passwordFile`: where a generated password goes (0600); without it and `password`, no first admin. */
  firstAdmin: { email: string; password: string | undefined; passwordFile: string | undefined };
  signIn: { maxFailures: number; lockoutMinutes: number };
  /** A session's absolute lifetime, from sign-in; never extended. */
  sessionHours: number;
  /** Audit entries older than this are pruned by the owner role; 0 keeps them all. */
  auditRetentionDays: number;
};

type StoreEnv = z.output<z.ZodObject<typeof storeEnvShape>>;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function toAuthConfig(e: StoreEnv, env: Record<string, string | undefined>): AuthConfig {
  const publicUrl = e.RDSDECK_URL ?? `http://${env.HOST || "127.0.0.1"}:${env.PORT || "3000"}`;
  const url = new URL(publicUrl);
  return {
    storeUrl: e.RDSDECK_STORE_URL,
    storeOwnerUrl: e.RDSDECK_STORE_OWNER_URL,
    secret: e.RDSDECK_AUTH_SECRET,
    publicUrl: url.origin,
    secure: url.protocol === "https:" || !LOOPBACK.has(url.hostname),
    firstAdmin: {
      email: e.RDSDECK_ADMIN_EMAIL.toLowerCase(),
      password: e.RDSDECK_ADMIN_PASSWORD,
      passwordFile: e.RDSDECK_ADMIN_PASSWORD_FILE,
    },
    signIn: { maxFailures: e.RDSDECK_SIGNIN_MAX_FAILURES, lockoutMinutes: e.RDSDECK_SIGNIN_LOCKOUT_MINUTES },
    sessionHours: e.RDSDECK_SESSION_HOURS,
    auditRetentionDays: e.RDSDECK_AUDIT_RETENTION_DAYS,
  };
}
