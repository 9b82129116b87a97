/**
 * rdsdeck's own store: dashboard users and their sessions (the tables
 * better-auth reads and writes, through its Drizzle adapter), API keys, and
 * the audit trail. Never in the fleet the dashboard operates on. Migrations in
 * drizzle/store/ are generated from this file (`npm run db:generate`).
 */
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// ---- better-auth's tables (field names are its own; columns snake_case) --------------------------

export const dashboardUsers = pgTable(
  "dashboard_users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    /** viewer | operator | admin (lib/auth/roles.ts). */
    role: text("role").notNull().default("viewer"),
    /** A disabled user cannot sign in, their sessions are gone, and the API keys they made stop working. */
    disabled: boolean("disabled").notNull().default(false),
    /** Set for the first admin: until they choose a new password, every page leads to the form that does it. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("dashboard_users_email_key").on(t.email)],
);

export const dashboardSessions = pgTable(
  "dashboard_sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => dashboardUsers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("dashboard_sessions_token_key").on(t.token), index("dashboard_sessions_user_idx").on(t.userId)],
);

export const dashboardAccounts = pgTable(
  "dashboard_accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => dashboardUsers.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    /** The scrypt hash better-auth writes (never the password). */
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("dashboard_accounts_user_idx").on(t.userId)],
);

export const dashboardVerifications = pgTable("dashboard_verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---- API keys --------------------------------------------------------------------------------------

export const apiKeys = pgTable(
  "api_keys",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    /** The first characters of the key, shown so people can tell keys apart; not enough to use it. */
    prefix: text("prefix").notNull(),
    /** sha256 of the whole key, hex. Keys are 256-bit random, so a fast hash is enough (see lib/api-keys). */
    hash: text("hash").notNull(),
    /** read | read-write */
    scope: text("scope").notNull(),
    /** Requests per second this key may send (a token bucket per app process). */
    rateLimitPerSecond: integer("rate_limit_per_second").notNull(),
    /** The creator's email (emails never change): while that user is disabled, the key does not work. */
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Null: the key works until revoked. Past it, the key gets the same 401 as a revoked one. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.hash)],
);

// ---- The audit trail (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE) -----------------

export const auditEntries = pgTable(
  "audit_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The user's id, or null for a sign-in by someone unknown and for the system itself. */
    actorId: text("actor_id"),
    /** The email as typed at sign-in, or the signed-in user's, or "system". */
    actor: text("actor").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    target: text("target"),
    /** The validated input, secrets removed. */
    parameters: jsonb("parameters").notNull().default(sql`'{}'::jsonb`),
    /** ok | denied | invalid | failed */
    outcome: text("outcome").notNull(),
    error: text("error"),
    requestId: text("request_id"),
    ipAddress: text("ip_address"),
  },
  (t) => [
    index("audit_entries_at_idx").on(t.at),
    // Sign-in throttling counts recent failures per account and per address.
    index("audit_entries_action_target_at_idx").on(t.action, t.target, t.at),
    index("audit_entries_action_ip_at_idx").on(t.action, t.ipAddress, t.at),
  ],
);

export type DashboardUser = typeof dashboardUsers.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditEntries.$inferSelect;
export type NewAuditEntry = typeof auditEntries.$inferInsert;
