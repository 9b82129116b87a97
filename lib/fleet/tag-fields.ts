import { z } from "zod";

/**
 * A tag's key and value as the dashboard's forms take them, by RDS's rules
 * (User Guide, "Tagging Amazon RDS resources"): a key of 1–128 Unicode
 * characters not starting with `aws:` or `rds:`, a value of 0–256, both only
 * Unicode letters, digits, white space and `_ . : / = + - @`. Checked here so
 * a refusal names the field before anything is sent; RDS checks again.
 */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ALLOWED = "letters, digits, spaces and _ . : / = + - @";

/** RDS counts Unicode characters, not the UTF-16 units of String.length. */
const characters = (s: string) => [...s].length;

/** Spaces around a key are a typing slip far more often than meant: they are dropped. */
export const tagKey = z
  .string({ error: "Tag key: required" })
  .trim()
  .refine((k) => characters(k) > 0, "Tag key: must not be empty")
  .refine((k) => characters(k) <= 128, "Tag key: at most 128 characters")
  .refine((k) => !/^(aws|rds):/i.test(k), "Tag key: must not start with aws: or rds: (reserved by AWS)")
  .refine((k) => TAG_TEXT.test(k), `Tag key: only ${ALLOWED}`);

/** A value may be empty (RDS shows it so), never longer than 256 characters. */
export const tagValue = z
  .string({ error: "Tag value: expected text" })
  .refine((v) => characters(v) <= 256, "Tag value: at most 256 characters")
  .refine((v) => TAG_TEXT.test(v), `Tag value: only ${ALLOWED}`);
