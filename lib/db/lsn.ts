/**
 * PostgreSQL WAL positions ("16/B374D848": two 32-bit hex halves). Compared as
 * 64-bit integers, never as strings ("0/A" > "0/10" as text).
 */

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position, or undefined when the text is not an LSN. */
export function parseLsn(text: string): bigint | undefined {
  const match = LSN.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** PostgreSQL's own spelling, so a value round-trips through psql unchanged. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** A position no server reaches: handed out when a write's real position is unknown, so reads go to the writer. */
export const MAX_LSN = (1n << 64n) - 1n;
