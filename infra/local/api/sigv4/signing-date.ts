import { commonErrors } from "../common-errors";

export interface SigningDate {
  readonly date: Date;
  /** ISO 8601 basic format (yyyymmddThhmmssZ), as it goes into the string to sign. */
  readonly text: string;
}

const BASIC_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * The signing time comes from `X-Amz-Date`, or from `Date` when a client
 * signs with that instead, as SigV4 allows.
 */
export function parseSigningDate(headers: ReadonlyMap<string, string>): SigningDate {
  const amzDate = headers.get("x-amz-date");
  if (amzDate !== undefined) return fromBasicFormat(amzDate.trim());
  const httpDate = headers.get("date");
  if (httpDate !== undefined) {
    const parsed = new Date(httpDate);
    if (!Number.isNaN(parsed.getTime())) {
      return { date: parsed, text: toBasicFormat(parsed) };
    }
  }
  throw commonErrors.incompleteSignature(
    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  );
}

function fromBasicFormat(text: string): SigningDate {
  const match = BASIC_FORMAT.exec(text);
  const date = match
    ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!))
    : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || toBasicFormat(date) !== text) {
    throw commonErrors.incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${text}'.`);
  }
  return { date, text };
}

export function toBasicFormat(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
