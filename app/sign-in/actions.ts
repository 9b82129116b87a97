"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { anonymousAuditLimiter } from "@/lib/audit/anonymous-audit-limit";
import { recordAudit } from "@/lib/audit/record-audit";
import { getAuth } from "@/lib/auth/auth";
import { requestContext } from "@/lib/auth/current-actor";
import { safeNext } from "@/lib/auth/safe-next";
import { signIn } from "@/lib/auth/sign-in";
import { signInForm } from "@/lib/auth/sign-in-form";

// An email address has at most 254 characters; anything longer is not worth showing back.
const MAX_EMAIL_ECHO = 254;

/** A refusal keeps the email that was typed (the form shows it again); never the password. */
export type SignInState = { ok: false; error: string; email: string } | undefined;

/**
 * The one server action that needs no session (it makes one). It is not a
 * validatedAction, so it audits every attempt itself (lib/auth/sign-in.ts).
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const typedEmail = String(formData.get("email") ?? "").slice(0, MAX_EMAIL_ECHO);
  const parsed = signInForm.safeParse({
    email: formData.get("email") ?? undefined,
    password: formData.get("password") ?? undefined,
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) {
    const { requestId, ipAddress } = await requestContext();
    const error = parsed.error.issues.map((i) => i.message).join("; ");
    // Nobody is signed in yet: a flood of malformed forms is held to the same per-address budget as any other.
    if (anonymousAuditLimiter().admit(ipAddress)) {
      await recordAudit({ actor: "anonymous", action: "sign-in", outcome: "invalid", error, requestId, ipAddress });
    }
    return { ok: false, error, email: typedEmail };
  }
  const result = await signIn(parsed.data);
  if (!result.ok) return { ...result, email: typedEmail };
  redirect(safeNext(parsed.data.next));
}

export const signOutAction = validatedAction(
  { action: "sign-out", schema: z.object({}), beforePasswordChange: true },
  async (): Promise<never> => {
    await getAuth().api.signOut({ headers: await headers() });
    redirect("/sign-in");
  },
);
