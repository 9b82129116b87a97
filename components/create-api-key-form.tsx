"use client";

import { fieldStyle as field, labelStyle as label } from "@/components/form-styles";
import { SubmitButton } from "@/components/submit-button";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

type Created = { id: number; key: string; name: string };
type Props = { serverAction: (previous: ActionState<Created>, formData: FormData) => Promise<ActionState<Created>> };

/**
 * Creates a key and shows it once: the server keeps only its hash. A
 * read-write key asks for the admin's own password again (the server
 * refuses one without it).
 */
export function CreateApiKeyForm({ serverAction }: Props) {
  const { state, submit, pending } = useKeptFormAction(serverAction);
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="create-api-key"
      onSubmit={submit}
    >
      <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <div>
          <label className={label} htmlFor="api-key-name">
            Name
          </label>
          <input autoComplete="off" className={field} id="api-key-name" name="name" required />
        </div>
        <div>
          <label className={label} htmlFor="api-key-scope">
            Scope
          </label>
          <select className={field} defaultValue="read" id="api-key-scope" name="scope">
            <option value="read">read</option>
            <option value="read-write">read-write</option>
          </select>
        </div>
        <div>
          <label className={label} htmlFor="api-key-rate">
            Requests per second
          </label>
          <input
            className={field}
            defaultValue="100"
            id="api-key-rate"
            min={1}
            name="rateLimitPerSecond"
            type="number"
          />
        </div>
        <div>
          <label className={label} htmlFor="api-key-expires">
            Expires after (days; empty: never)
          </label>
          <input
            className={field}
            id="api-key-expires"
            max={3650}
            min={1}
            name="expiresInDays"
            placeholder="never"
            type="number"
          />
        </div>
        <div>
          <label className={label} htmlFor="api-key-current-password">
            Your password (for read-write)
          </label>
          <input
            autoComplete="current-password"
            className={field}
            id="api-key-current-password"
            name="currentPassword"
            type="password"
          />
        </div>
      </div>
      <SubmitButton pending={pending}>Create key</SubmitButton>
      <div aria-live="polite">
        {state?.ok === false ? (
          <p className="text-sm text-red-800" data-testid="create-api-key-error" role="alert">
            {state.error}
          </p>
        ) : state?.ok ? (
          <div
            className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
            data-testid="new-api-key"
          >
            <p>
              Key <strong>{state.result.name}</strong> created. Copy it now: it is shown this once, and rdsdeck keeps
              only its hash.
            </p>
            <code
              className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs"
              data-testid="new-api-key-value"
            >
              {state.result.key}
            </code>
          </div>
        ) : null}
      </div>
    </form>
  );
}
