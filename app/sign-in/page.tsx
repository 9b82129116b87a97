import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/sign-in-form";
import { currentActor } from "@/lib/auth/current-actor";
import { safeNext } from "@/lib/auth/safe-next";
import { signInConfigured } from "@/lib/auth/sign-in";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The one page anyone may see: it only asks who you are. */
export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  if (!signInConfigured()) {
    return (
      <section className="mx-auto max-w-md rounded-lg border border-red-300 bg-red-50 p-5 text-red-900" role="alert">
        <h1 className="text-lg font-semibold">Sign-in is not configured</h1>
        <p className="mt-2 text-sm">
          RDSDECK_STORE_URL and RDSDECK_AUTH_SECRET must be set. Start rdsdeck with <code>npm start</code>.
        </p>
      </section>
    );
  }
  if (await currentActor().catch(() => undefined)) redirect(next);
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-slate-600">to the rdsdeck control plane</p>
      </div>
      <SignInForm next={next} serverAction={signInAction} />
    </div>
  );
}
