import { formatUtc, formatUtcTime } from "@/components/format";

/** A machine-readable <time> shown in UTC, optionally time of day only. */
export function UtcTime({ date, timeOnly = false }: { date: Date; timeOnly?: boolean }) {
  return <time dateTime={date.toISOString()}>{timeOnly ? formatUtcTime(date) : formatUtc(date)}</time>;
}
