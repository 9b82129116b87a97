/**
 * How CloudWatch writes numbers and dates inside its own texts (state
 * reasons, reason data, SNS messages): numbers as Java prints a double
 * (80.0, 2.147483648E9), dates as "25/09/22 18:49:00" in reasons and
 * "2022-09-25T18:49:00.000+0000" in JSON.
 */
export function javaDouble(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes(".") || text.includes("e") ? text : `${text}.0`;
  }
  const [mantissa = "0", exponent = "0"] = value.toExponential().split("e");
  const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}

/** "25/09/22 18:49:00", the form of datapoint times in a StateReason. */
export function reasonDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** "2022-09-25T18:49:00.000+0000", the form of times in StateReasonData and alarm messages. */
export function cloudwatchTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}
