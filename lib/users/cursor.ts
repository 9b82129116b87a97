/**
 * List cursors: base64url of the last row's exact sort key, (created_at to the
 * microsecond, id). Opaque to clients; the next page starts strictly after it.
 */

export type Cursor = { createdAt: string; id: number };

const KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) (\d{1,10})$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt} ${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor, or undefined when the text is not one this API handed out. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text)) return undefined;
  const match = KEY.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) return undefined;
  const id = Number(match[2]);
  if (id < 1 || id > 2_147_483_647 || !isRealInstant(match[1])) return undefined;
  return { createdAt: match[1], id };
}

/** Rejects what PostgreSQL would refuse to cast (Feb 30, hour 25), which JS dates would silently roll over. */
function isRealInstant(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || ms < 0) return false;
  return new Date(ms).toISOString().slice(0, 23) === text.slice(0, 23);
}
