/** Shared rules for environment variables, so every group of them reads and refuses values alike. */
import { z } from "zod";

/** An empty or blank variable counts as unset, so its default applies. */
export const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A PostgreSQL URL that asks for TLS: rdsdeck never talks to a database in the clear. */
export const tlsPostgresUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
    error: "expected a postgres:// URL",
  })
  .refine((value) => /^(require|verify-ca|verify-full)$/.test(new URL(value).searchParams.get("sslmode") ?? ""), {
    error: "expected TLS: add sslmode=verify-full&sslrootcert=<CA file> to the URL",
  });

/** A whole number of `what` between min and max, `fallback` when unset. */
export const boundedInt = (what: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `expected a number of ${what}` })
      .int(`expected a whole number of ${what}`)
      .min(min, `expected at least ${min} ${what}`)
      .max(max, `expected at most ${max} ${what}`)
      .default(fallback),
  );
