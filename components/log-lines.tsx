import { type LogSeverity, severityOf } from "@/lib/fleet/log-lines";

/** ERROR, FATAL and PANIC stand out, in the dashboard's colours for failed states. */
const SEVERITY_CLASS: Record<Exclude<LogSeverity, undefined>, string> = {
  ERROR: "bg-red-50 text-red-900",
  FATAL: "bg-red-100 font-semibold text-red-950",
  PANIC: "bg-red-200 font-semibold text-red-950",
};

/** Log lines as they are (monospace, wrapped), each marked with its severity for the eye and for tests. */
export function LogLines({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="log-empty">
        No lines to show.
      </p>
    );
  }
  return (
    <ol
      aria-label="Log lines, oldest first"
      className="max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white font-mono text-xs leading-5"
      data-testid="log-lines"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, and keyboard users must reach it to scroll it.
      tabIndex={0}
    >
      {lines.map((line, i) => {
        const severity = severityOf(line);
        return (
          <li
            className={`whitespace-pre-wrap break-all px-3 ${severity ? SEVERITY_CLASS[severity] : "text-slate-800"}`}
            data-severity={severity ?? "none"}
            data-testid="log-line"
            // Lines repeat and have no identity of their own; their position in the file does not change.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            key={i}
          >
            {severity ? <span className="sr-only">{severity} line: </span> : null}
            {line}
          </li>
        );
      })}
    </ol>
  );
}
