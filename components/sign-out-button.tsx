"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";

type Props = { serverAction: (previous: ActionState<never>, formData: FormData) => Promise<ActionState<never>> };

export function SignOutButton({ serverAction }: Props) {
  const [, formAction, pending] = useActionState(serverAction, undefined);
  return (
    <form action={formAction}>
      <button
        className="rounded-md border border-slate-300 px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        data-testid="sign-out"
        disabled={pending}
        type="submit"
      >
        Sign out
      </button>
    </form>
  );
}
