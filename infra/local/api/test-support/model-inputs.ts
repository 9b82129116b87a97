/**
 * Operation inputs generated from the SDK's service model (the same shapes
 * the API decodes with), mostly well-typed with a share of wrong-typed junk,
 * and their encodings in each wire protocol: Query parameters, JSON 1.0, CBOR.
 */
import { dateToTag } from "@smithy/core/cbor";
import type { NormalizedSchema } from "@smithy/core/schema";
import fc from "fast-check";

/** Strings clients really send to RDS and CloudWatch, so that well-formed calls get past validation too. */
const domainString = fc.constantFrom(
  "production-myapp",
  "production-myapp-replica-1",
  "Production-MyApp",
  "snap-1",
  "rds:production-myapp-2026-01-01-03-00",
  "db.t3.micro",
  "us-east-1a",
  "AWS/RDS",
  "Rdsdeck/Fuzz",
  "CPUUtilization",
  "DBInstanceIdentifier",
  "Average",
  "Maximum",
  "p99",
  "GreaterThanThreshold",
  "LessThanLowerOrGreaterThanUpperThreshold",
  "OK",
  "ALARM",
  "INSUFFICIENT_DATA",
  "missing",
  "breaching",
  "Seconds",
  "Percent",
  "db-instance",
  "failover",
  "m1",
  "arn:aws:sns:us-east-1:000000000000:topic",
  "true",
  "60",
);

export const junkText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "__proto__", "constructor", "x".repeat(2000), "-1", "NaN", "1e309"),
);

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(junkText, { maxLength: 3 }),
  fc.dictionary(junkText, junkText, { maxKeys: 3 }),
);

/** A value for `ns`: right-typed most of the time, junk sometimes, nothing past a few levels. */
export function modelValue(ns: NormalizedSchema, depth = 0): fc.Arbitrary<unknown> {
  const typed = typedValue(ns, depth);
  return fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: junkValue });
}

function typedValue(ns: NormalizedSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant(undefined);
  if (ns.isStructSchema()) {
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, member] of ns.structIterator()) members[name] = modelValue(member, depth + 1);
    return fc.record(members, { requiredKeys: [] });
  }
  if (ns.isListSchema()) return fc.array(modelValue(ns.getValueSchema(), depth + 1), { maxLength: 3 });
  if (ns.isMapSchema()) {
    return fc.dictionary(fc.oneof(domainString, junkText), modelValue(ns.getValueSchema(), depth + 1), {
      maxKeys: 2,
    });
  }
  if (ns.isBooleanSchema()) return fc.boolean();
  if (ns.isNumericSchema()) {
    return fc.oneof(
      fc.integer({ min: -2, max: 100 }),
      fc.constantFrom(0, 10, 60, 300, 3600, 86_400, 2 ** 31, 1e308, -0),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
  }
  if (ns.isTimestampSchema()) {
    const now = Date.now();
    return fc.oneof(
      fc.integer({ min: now - 30 * 86_400_000, max: now + 3_600_000 }).map((t) => new Date(t)),
      fc.date({ noInvalidDate: true }),
    );
  }
  if (ns.isBlobSchema()) return fc.uint8Array({ maxLength: 16 });
  return fc.oneof({ weight: 3, arbitrary: domainString }, { weight: 2, arbitrary: junkText });
}

/** The value as AWS Query parameters, by the model's member names, list and map rules (query-input.ts reads them back). */
export function toQueryParams(ns: NormalizedSchema, value: unknown, prefix = ""): Array<[string, string]> {
  if (value === undefined) return [];
  const key = (name: string) => (prefix === "" ? name : `${prefix}.${name}`);
  if (ns.isStructSchema() && isRecord(value)) {
    const pairs: Array<[string, string]> = [];
    for (const [name, member] of ns.structIterator()) {
      pairs.push(...toQueryParams(member, value[name], key(member.getMergedTraits().xmlName ?? name)));
    }
    return pairs;
  }
  if (ns.isListSchema() && Array.isArray(value)) {
    const item = ns.getValueSchema();
    const itemPrefix =
      ns.getMergedTraits().xmlFlattened === 1 ? prefix : key(item.getMergedTraits().xmlName ?? "member");
    if (value.length === 0) return [[prefix, ""]];
    return value.flatMap((v, i) => toQueryParams(item, v, `${itemPrefix}.${i + 1}`));
  }
  if (ns.isMapSchema() && isRecord(value)) {
    return Object.entries(value).flatMap(([k, v], i) => [
      [`${key("entry")}.${i + 1}.key`, k] as [string, string],
      ...toQueryParams(ns.getValueSchema(), v, `${key("entry")}.${i + 1}.value`),
    ]);
  }
  return [[prefix, scalarText(value)]];
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** JSON 1.0: timestamps as epoch seconds, blobs as base64. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, function (key, v) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return raw.getTime() / 1000;
    if (raw instanceof Uint8Array) return Buffer.from(raw).toString("base64");
    return v;
  });
}

/** CBOR: timestamps as tag 1; absent members left out, as a client leaves them (CBOR has no undefined to send). */
export function toCborValue(value: unknown): unknown {
  if (value instanceof Date) return dateToTag(value);
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toCborValue(v)));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toCborValue(v)]),
    );
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
