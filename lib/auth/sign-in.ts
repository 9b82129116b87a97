/**
 * Signing in with email and password: throttled (lib/auth/sign-in-throttle),
 * checked by better-auth (scrypt), and audited whatever the outcome — a
 * success, a wrong password, an unknown email, a disabled account, a lockout.
 * The session cookie is set by better-auth's nextCookies plugin.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { recordAudit } from "../audit/record-audit";
import { getConfig } from "../config";
import { log } from "../log";
import { dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";
import { getAuth } from "./auth";
import { requestContext } from "./current-actor";
import { currentLockout, lockoutMessage, SIGN_IN } from "./sign-in-throttle";

export type SignInResult = { ok: true } | { ok: false; error: string };

const WRONG = "Wrong email or password.";

export async function signIn(input: { email: string; password: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const { requestId, ipAddress } = await requestContext();
  const entry = { actor: email, action: SIGN_IN, target: email, requestId, ipAddress };
  try {
    const lockout = await currentLockout(email, ipAddress);
    if (lockout) {
      await recordAudit({ ...entry, outcome: "denied", error: `locked out (${lockout.scope})` });
      return { ok: false, error: lockoutMessage(lockout) };
    }
    try {
      const { user } = await getAuth().api.signInEmail({
        body: { email, password: input.password },
        headers: await headers(),
      });
      await recordAudit({ ...entry, actorId: user.id, actorRole: String(user.role), outcome: "ok" });
      return { ok: true };
    } catch (error) {
      // A disabled account's session is refused by a database hook, after the password was checked.
      const disabled = await isDisabled(email);
      if (!isRefusal(error) && !disabled) throw error;
      await recordAudit({
        ...entry,
        outcome: "failed",
        error: disabled ? "account disabled" : "wrong email or password",
      });
      if (disabled) return { ok: false, error: "This account is disabled. Ask an admin to enable it." };
      const now = await currentLockout(email, ipAddress);
      return { ok: false, error: now ? `${WRONG} ${lockoutMessage(now)}` : WRONG };
    }
  } catch (error) {
    log().error({ err: error, requestId }, "sign-in failed: store unavailable or internal error");
    return {
      ok: false,
      error: "Sign-in is unavailable right now: rdsdeck's store cannot be reached. Try again shortly.",
    };
  }
}

/**
 * better-auth's refusal (its APIError, e.g. 401 INVALID_EMAIL_OR_PASSWORD). Checked by shape: the class
 * exported by better-auth/api is not always the one its core throws.
 */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && error.name === "APIError" && typeof Reflect.get(error, "statusCode") === "number";
}

async function isDisabled(email: string): Promise<boolean> {
  const [row] = await getStore()
    .db.select({ disabled: dashboardUsers.disabled })
    .from(dashboardUsers)
    .where(eq(dashboardUsers.email, email));
  return row?.disabled === true;
}

export function signInConfigured(): boolean {
  const { storeUrl, secret } = getConfig().auth;
  return storeUrl !== undefined && secret !== undefined;
}
