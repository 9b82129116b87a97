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

/**
 * An alarm threshold as people read it, never rounded: "80 %", "60 s", "2 GiB".
 * A byte count that no binary unit states exactly keeps its bytes too:
 * "953.7 MiB (1000000000 bytes)".
 */
export function formatThreshold(value: number, unit: string): string {
  switch (unit) {
    case "Percent":
      return `${value} %`;
    case "Seconds":
      return `${value} s`;
    case "Count/Second":
      return `${value}/s`;
    case "Bytes": {
      const pretty = formatBytes(value);
      const [amount = "", suffix = "B"] = pretty.split(" ");
      const exact = Number(amount) * 1024 ** BYTE_UNITS.indexOf(suffix) === value;
      return exact ? pretty : `${pretty} (${value} bytes)`;
    }
    case "Count":
      return String(value);
    default:
      return `${value} ${unit}`;
  }
}
