/**
 * RDS's two windows: the daily backup window ("hh24:mi-hh24:mi") and the
 * weekly maintenance window ("ddd:hh24:mi-ddd:hh24:mi"), both UTC, both at
 * least 30 minutes, and never overlapping (ModifyDBInstance refuses it with
 * InvalidParameterValue, in AWS's words).
 */
import { EngineFault } from "./fleet-ops";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const MIN_LENGTH = 30;

type Span = { from: number; to: number; period: number };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(hhmm: string): number | undefined {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function minuteOfWeek(dddhhmm: string): number | undefined {
  const [day, ...rest] = dddhhmm.toLowerCase().split(":");
  const d = DAYS.indexOf(day as (typeof DAYS)[number]);
  const m = minuteOfDay(rest.join(":"));
  return d < 0 || m === undefined ? undefined : d * DAY_MINUTES + m;
}

const length = (s: Span) => (s.to - s.from + s.period) % s.period;

function parse(window: string, period: number, at: (part: string) => number | undefined): Span | undefined {
  const parts = window.split("-");
  if (parts.length !== 2) return undefined;
  const from = at(parts[0] ?? "");
  const to = at(parts[1] ?? "");
  return from === undefined || to === undefined ? undefined : { from, to, period };
}

/** The backup window as minutes of the day, or an InvalidParameterValue fault naming what is wrong. */
export function parseBackupWindow(window: string): Span {
  const span = parse(window, DAY_MINUTES, minuteOfDay);
  if (!span) {
    throw new EngineFault(
      "InvalidParameterValue",
      `Invalid PreferredBackupWindow: ${window}. The format is hh24:mi-hh24:mi (UTC).`,
    );
  }
  if (length(span) < MIN_LENGTH) {
    throw new EngineFault("InvalidParameterValue", "The backup window must be at least 30 minutes.");
  }
  return span;
}

/** The maintenance window as minutes of the week, or an InvalidParameterValue fault naming what is wrong. */
export function parseMaintenanceWindow(window: string): Span {
  const span = parse(window, WEEK_MINUTES, minuteOfWeek);
  if (!span) {
    throw new EngineFault(
      "InvalidParameterValue",
      `Invalid PreferredMaintenanceWindow: ${window}. The format is ddd:hh24:mi-ddd:hh24:mi (UTC), days mon to sun.`,
    );
  }
  if (length(span) < MIN_LENGTH) {
    throw new EngineFault("InvalidParameterValue", "The maintenance window must be at least 30 minutes.");
  }
  return span;
}

/** Minute `m` lies in [from, to) of its period, windows wrapping past midnight or Sunday. */
const contains = (s: Span, m: number) => {
  const offset = (((m - s.from) % s.period) + s.period) % s.period;
  return offset < length(s);
};

/** Whether `at` (UTC) falls inside the weekly maintenance window. */
export function inMaintenanceWindow(window: string, at: Date): boolean {
  const minute = at.getUTCDay() * DAY_MINUTES + at.getUTCHours() * 60 + at.getUTCMinutes();
  return contains(parseMaintenanceWindow(window), minute);
}

/** Refuses a daily backup window that meets the weekly maintenance window on any day. */
export function assertWindowsApart(backupWindow: string, maintenanceWindow: string): void {
  const backup = parseBackupWindow(backupWindow);
  const maintenance = parseMaintenanceWindow(maintenanceWindow);
  const overlaps = Array.from({ length: 7 }, (_, day) => day * DAY_MINUTES + backup.from).some(
    (start) =>
      contains(maintenance, start) ||
      contains({ ...backup, from: start, period: WEEK_MINUTES, to: start + length(backup) }, maintenance.from),
  );
  if (overlaps) {
    throw new EngineFault("InvalidParameterValue", "The backup window and maintenance window must not overlap.");
  }
}
