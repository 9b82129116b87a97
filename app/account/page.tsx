import type { Metadata } from "next";
import { connection } from "next/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { FactList } from "@/components/fact-list";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  await connection();
  const actor = await requireRole("viewer", "/account");
  const { maxFailures } = getConfig().auth.signIn;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="text-sm text-slate-600">Who you are signed in as. An admin changes roles under Users.</p>
      </div>
      {actor.mustChangePassword ? (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
          data-testid="password-change-required"
          role="alert"
        >
          Choose a new password before going on: the one you signed in with was handed to you (the first admin&apos;s,
          from the environment or a file). Every other page leads here until you do.
        </p>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="account-facts">
        <FactList
          facts={[
            { term: "Email", detail: actor.email },
            { term: "Name", detail: actor.name },
            { term: "Role", detail: actor.role },
          ]}
        />
      </div>
      <section aria-labelledby="password-title" className="space-y-3">
        <h2 className="text-lg font-semibold" id="password-title">
          Change your password
        </h2>
        <p className="text-sm text-slate-600">
          Your other sessions end; this one stays. A wrong current password counts as a failed sign-in: {maxFailures} of
          them lock the account for a while.
        </p>
        <ChangePasswordForm serverAction={changePasswordAction} />
      </section>
    </div>
  );
}
