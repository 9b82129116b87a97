/**
 * better-auth, used as a library: email and password (scrypt, memory-hard),
 * sessions in rdsdeck's store through its Drizzle adapter, cookies set from
 * server actions by its nextCookies plugin. Its HTTP handler is mounted
 * nowhere: signing in, out, and creating users go through rdsdeck's own
 * server actions, which throttle and audit; so none of its endpoints
 * (sign-up among them) can be reached from outside.
 */
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { getConfig } from "../config";
import { log } from "../log";
import { dashboardAccounts, dashboardSessions, dashboardUsers, dashboardVerifications } from "../store/schema";
import { getStore, storeNotConfigured } from "../store/store-db";

/** Set by scripts/app-server.mjs from the socket, replacing anything a client sent. */
export const CLIENT_IP_HEADER = "x-rdsdeck-client-ip";

export const SESSION_COOKIE_PREFIX = "rdsdeck";

function createAuth() {
  const { auth: config } = getConfig();
  if (!config.storeUrl || !config.secret) throw storeNotConfigured();
  const { db } = getStore();
  return betterAuth({
    appName: "rdsdeck",
    baseURL: config.publicUrl,
    secret: config.secret,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: dashboardUsers,
        session: dashboardSessions,
        account: dashboardAccounts,
        verification: dashboardVerifications,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Users are created by an admin (or the first-run admin): never by signing themselves up.
      autoSignIn: false,
      minPasswordLength: 12,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      // An absolute lifetime: a session ends this long after sign-in however busy it is, so a stolen cookie
      // does not live on by being used (lib/auth/current-actor.ts checks the age as well).
      expiresIn: config.sessionHours * 3600,
      disableSessionRefresh: true,
      // No cookie cache: a disabled user or a changed role takes effect on the next request, in every process.
      cookieCache: { enabled: false },
    },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password was checked: a disabled account gets no session.
          before: async (session) => {
            const [user] = await db
              .select({ disabled: dashboardUsers.disabled })
              .from(dashboardUsers)
              .where(eq(dashboardUsers.id, session.userId));
            if (!user || user.disabled) return false;
          },
        },
      },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: config.secure,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Cookies are httpOnly and SameSite=Lax by default; say so rather than rely on it.
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secure },
    },
    rateLimit: { enabled: false }, // the handler is not mounted; sign-in is throttled in lib/auth/sign-in.ts
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      // Only the message: better-auth's extra arguments may carry request data.
      log: (level, message) => log()[level]({ source: "better-auth" }, message),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalKey = Symbol.for("rdsdeck.auth");
type Holder = { [globalKey]?: Auth };

export function getAuth(): Auth {
  const holder = globalThis as Holder;
  holder[globalKey] ??= createAuth();
  return holder[globalKey];
}
