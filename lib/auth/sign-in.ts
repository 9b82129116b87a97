/**
 * Signing in with email and password, from the sign-in form: one locked,
 * audited attempt (lib/auth/sign-in-attempt); the session and its cookie are
 * then opened by better-auth (its nextCookies plugin sets the cookie).
 */
import "server-only";
import { headers } from "next/headers";
import { getConfig } from "../config";
import { log } from "../log";
import { getAuth } from "./auth";
import { requestContext } from "./current-actor";
import { attemptSignIn, type SignInResult } from "./sign-in-attempt";

export type { SignInResult } from "./sign-in-attempt";

export async function signIn(input: { email: string; password: string }): Promise<SignInResult> {
  const { requestId, ipAddress } = await requestContext();
  try {
    return await attemptSignIn({ ...input, requestId, ipAddress }, async (user) => {
      // better-auth checks the password again (it is the one that sets the cookie), and its database hook
      // refuses a session to an account disabled in between.
      await getAuth().api.signInEmail({
        body: { email: user.email, password: input.password },
        headers: await headers(),
      });
    });
  } catch (error) {
    log().error({ err: error, requestId }, "sign-in failed: store unavailable or internal error");
    return {
      ok: false,
      error: "Sign-in is unavailable right now: rdsdeck's store cannot be reached. Try again shortly.",
    };
  }
}

export function signInConfigured(): boolean {
  const { storeUrl, secret } = getConfig().auth;
  return storeUrl !== undefined && secret !== undefined;
}
