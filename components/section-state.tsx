import type { ReactNode } from "react";
import type { Settled } from "@/lib/page-data/settle";

type Props<T> = {
  result: Settled<T>;
  /** What could not be read, as the start of a sentence: "The snapshots cannot be read". */
  cannotRead: string;
  /** Whether a value read has nothing to show; the `empty` text is shown instead. */
  isEmpty?: (value: T) => boolean;
  empty?: ReactNode;
  /** data-testid prefix: `<prefix>-unavailable`, `<prefix>-empty`. */
  testId: string;
  children: (value: T) => ReactNode;
};

/** A page section's three states: its content, why it cannot be read, or that it has nothing yet. */
export function SectionState<T>({ result, cannotRead, isEmpty, empty, testId, children }: Props<T>) {
  if (!result.ok) {
    return (
      <p
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        data-testid={`${testId}-unavailable`}
        role="alert"
      >
        {cannotRead}: {result.message}
      </p>
    );
  }
  if (isEmpty?.(result.value)) {
    return (
      <p
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
        data-testid={`${testId}-empty`}
      >
        {empty}
      </p>
    );
  }
  return children(result.value);
}
