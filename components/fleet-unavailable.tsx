import { TriangleAlert } from "lucide-react";

type Props = { message: string; hint: string | undefined };

/** What the overview shows instead of the fleet when the RDS API cannot be read. */
export function FleetUnavailable({ message, hint }: Props) {
  return (
    <section
      aria-labelledby="fleet-unavailable-title"
      className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-900"
      data-testid="fleet-unavailable"
      role="alert"
    >
      <h2 className="flex items-center gap-2 text-lg font-semibold" id="fleet-unavailable-title">
        <TriangleAlert aria-hidden="true" className="size-5 shrink-0" />
        The fleet cannot be read
      </h2>
      <p className="mt-2">{message}</p>
      {hint ? <p className="mt-2 text-sm">{withCommands(hint)}</p> : null}
      <p className="mt-2 text-sm">This page keeps trying and shows the fleet as soon as the API answers.</p>
    </section>
  );
}

/** Hints quote commands in `backticks`; show them as code. */
function withCommands(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder.
      <code className="rounded bg-red-100 px-1 font-mono" key={i}>
        {part}
      </code>
    ) : (
      part
    ),
  );
}
