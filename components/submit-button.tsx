import type { ReactNode } from "react";

/**
 * A form's primary button: disabled while its request is pending, and then
 * saying so (`pendingLabel`), so a second click never sends it twice.
 */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
}: {
  pending: boolean;
  pendingLabel?: string;
  children: ReactNode;
}) {
  return (
    <button
      className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
      disabled={pending}
      type="submit"
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
