/** A metric value as people read it: "12.5 %", "3 connections", "18.2 GiB", "0.4 s". */
export function formatMetricValue(value: number, unit: string): string {
  switch (unit) {
    case "Percent":
      return `${round(value)} %`;
    case "Seconds":
      return `${round(value)} s`;
    case "Bytes":
      return formatBytes(value);
    case "Count":
      return round(value);
    case "Count/Second":
      return `${round(value)}/s`;
    default:
      return `${round(value)} ${unit}`;
  }
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

function formatBytes(value: number): string {
  let scaled = value;
  let i = 0;
  while (Math.abs(scaled) >= 1024 && i < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    i++;
  }
  return `${round(scaled)} ${BYTE_UNITS[i]}`;
}

/** At most one decimal: charts show trends, not precision. */
function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
