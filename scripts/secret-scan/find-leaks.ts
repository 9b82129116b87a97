/**
 * Looks for each secret in each log file, as written and in the encodings a
 * log line may carry it in (URL-encoded in a logged URL or cookie header; a
 * signed cookie's token part alone). Reports where, never the secret itself:
 * the report is printed to the same CI output that must stay clean.
 */
import { readFileSync } from "node:fs";
import type { NamedSecret } from "./collect-secrets";

export type Leak = { readonly secret: string; readonly file: string; readonly line: number; readonly form: string };

/** Shorter strings occur by chance; every secret rdsdeck makes is far longer. */
export const MIN_SECRET_LENGTH = 12;

function forms(secret: NamedSecret): Array<{ form: string; text: string }> {
  const variants = new Map<string, string>([[secret.value, "as is"]]);
  const encoded = encodeURIComponent(secret.value);
  if (!variants.has(encoded)) variants.set(encoded, "URL-encoded");
  const decoded = safeDecode(secret.value);
  if (decoded !== undefined && !variants.has(decoded)) variants.set(decoded, "URL-decoded");
  // A signed session cookie is "<token>.<signature>": the token alone is the session.
  const token = (decoded ?? secret.value).split(".")[0] ?? "";
  if (token.length >= MIN_SECRET_LENGTH && !variants.has(token)) variants.set(token, "token part");
  return [...variants].map(([text, form]) => ({ text, form }));
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function findLeaks(secrets: readonly NamedSecret[], files: readonly string[]): Leak[] {
  const tooShort = secrets.filter((s) => s.value.length < MIN_SECRET_LENGTH);
  if (tooShort.length > 0) {
    throw new Error(
      `secrets shorter than ${MIN_SECRET_LENGTH} characters cannot be told from chance: ${tooShort.map((s) => s.name).join(", ")}`,
    );
  }
  const leaks: Leak[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const secret of secrets) {
      for (const { text: needle, form } of forms(secret)) {
        const at = text.indexOf(needle);
        if (at !== -1) leaks.push({ secret: secret.name, file, line: lineOf(text, at), form });
      }
    }
  }
  return leaks;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
