import { commonErrors } from "../common-errors";

/** RDS Describe* calls: MaxRecords defaults to 100 and must lie in 20–100. */
export const MAX_RECORDS = { default: 100, min: 20, max: 100 } as const;

export function resolveMaxRecords(requested: number | undefined): number {
  if (requested === undefined) return MAX_RECORDS.default;
  if (!Number.isInteger(requested) || requested < MAX_RECORDS.min || requested > MAX_RECORDS.max) {
    throw commonErrors.invalidParameterValue(
      `Invalid value ${requested} for MaxRecords. Must be between ${MAX_RECORDS.min} and ${MAX_RECORDS.max}`,
    );
  }
  return requested;
}

const MARKER_PREFIX = "rdsdeck-v1:";

/**
 * The marker names the last key returned, not an offset, so a page boundary
 * stays put when instances are created or deleted between calls. It is
 * opaque to clients (base64url), as RDS's are.
 */
export function encodeMarker(lastKey: string): string {
  return Buffer.from(`${MARKER_PREFIX}${lastKey}`, "utf8").toString("base64url");
}

export function decodeMarker(marker: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(marker) ? Buffer.from(marker, "base64url").toString("utf8") : "";
  if (!decoded.startsWith(MARKER_PREFIX) || decoded.length === MARKER_PREFIX.length) {
    throw commonErrors.invalidParameterValue(`The marker '${marker}' is not valid.`);
  }
  return decoded.slice(MARKER_PREFIX.length);
}

/** One page of `items`, which must be sorted by `keyOf`. */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  options: { maxRecords: number; marker: string | undefined },
): { page: T[]; nextMarker: string | undefined } {
  const after = options.marker === undefined ? undefined : decodeMarker(options.marker);
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > after);
  const remaining = start === -1 ? [] : items.slice(start);
  const page = remaining.slice(0, options.maxRecords);
  const last = page.at(-1);
  const nextMarker = remaining.length > page.length && last !== undefined ? encodeMarker(keyOf(last)) : undefined;
  return { page, nextMarker };
}
