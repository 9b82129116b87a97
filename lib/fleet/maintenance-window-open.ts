/**
 * Whether a weekly maintenance window ("ddd:hh24:mi-ddd:hh24:mi", UTC) is
 * open at a moment: RDS applies what is queued at once when a
 * ModifyDBInstance moves the window to include the current time.
 */
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const WEEK_MINUTES = 7 * 24 * 60;
const POINT = /^([a-z]{3}):([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfWeek(point: string): number | undefined {
  const m = POINT.exec(point);
  const day = m ? DAYS.indexOf(m[1] ?? "") : -1;
  return m && day >= 0 ? day * 24 * 60 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/** False for a window that does not parse: the server refuses it anyway. */
export function maintenanceWindowOpen(window: string, at: Date): boolean {
  const [start, end, ...rest] = window.trim().toLowerCase().split("-");
  const from = minuteOfWeek(start ?? "");
  const to = minuteOfWeek(end ?? "");
  if (from === undefined || to === undefined || rest.length > 0) return false;
  const now = at.getUTCDay() * 24 * 60 + at.getUTCHours() * 60 + at.getUTCMinutes();
  // [from, to), wrapping past Saturday midnight.
  const offset = (now - from + WEEK_MINUTES) % WEEK_MINUTES;
  return offset < (to - from + WEEK_MINUTES) % WEEK_MINUTES;
}
