/**
 * How the dashboard writes times and durations. Times are UTC, as RDS's
 * windows are, and render the same on the server and in the browser.
 */

export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Time of day only, for phases that happen seconds apart. */
export function formatUtcTime(date: Date): string {
  return `${date.toISOString().slice(11, 19)} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
