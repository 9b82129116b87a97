import type { ActionState } from "@/lib/actions/validated-action";

/**
 * A server action's answer beside its form: a refusal in red with its hint, a
 * success in words. Both are announced to screen readers.
 */
export function FormOutcome({
  state,
  testId,
}: {
  state: ActionState<string>;
  testId: { error: string; done: string };
}) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p className="text-sm text-emerald-800" data-testid={testId.done} role="status">
        {state.result}
      </p>
    );
  }
  return (
    <div
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid={testId.error}
      role="alert"
    >
      <p>{state.error}</p>
      {state.hint ? <p className="mt-1">{state.hint}</p> : null}
    </div>
  );
}
