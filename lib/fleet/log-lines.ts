/**
 * Log text as the viewer handles it, in the browser as on the server: lines,
 * the search over them, and which are highlighted. No dependencies, so client
 * components can use it.
 */

/** Some of a log file: whole lines, and the Marker to read on from. */
export type LogPortion = { text: string; marker: string; more: boolean };

export type LogSeverity = "PANIC" | "FATAL" | "ERROR" | undefined;

/** The severity a line is highlighted for: postgres's `ERROR:`, `FATAL:` or `PANIC:` after the line prefix. */
export function severityOf(line: string): LogSeverity {
  const m = /\b(PANIC|FATAL|ERROR): {2}/.exec(line);
  return m ? (m[1] as LogSeverity) : undefined;
}

/** The lines of a portion, without the empty string after its final newline. */
export function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Lines that contain `search`, case-insensitively; all of them when there is no search. */
export function matchingLines(lines: readonly string[], search: string | undefined): string[] {
  if (!search) return [...lines];
  const wanted = search.toLowerCase();
  return lines.filter((line) => line.toLowerCase().includes(wanted));
}
