import type { NormalizedSchema } from "@smithy/core/schema";

/** The object form fast-xml-parser's XMLBuilder turns into elements. */
export type XmlNode = string | XmlElement;
export interface XmlElement {
  [name: string]: XmlNode | XmlNode[];
}

/**
 * Serialises a value by its shape in the SDK's service model, the way AWS
 * Query services answer: members in model order under their XML names, lists
 * wrapped with each item under the list member's name (`DBInstances/DBInstance`,
 * `EnabledCloudwatchLogsExports/member`), timestamps in ISO 8601. Taking names
 * from the model, never from hand-written tables, is what keeps every field the
 * engine fills readable by every SDK.
 *
 * A value of the wrong type is an engine bug: it throws rather than sending
 * something a client would misread.
 */
export function structureToXml(ns: NormalizedSchema, value: unknown, path: string): XmlElement {
  if (!isRecord(value)) throw new TypeError(`${path}: expected an object for ${ns.getName() ?? "structure"}`);
  const element: XmlElement = {};
  for (const [memberName, member] of ns.structIterator()) {
    const memberValue = value[memberName];
    if (memberValue === undefined || memberValue === null) continue;
    const elementName = member.getMemberTraits().xmlName ?? memberName;
    const memberPath = `${path}.${memberName}`;
    if (member.isListSchema() && member.getMergedTraits().xmlFlattened === 1) {
      element[elementName] = listItems(member, memberValue, memberPath);
    } else {
      element[elementName] = valueToXml(member, memberValue, memberPath);
    }
  }
  return element;
}

function valueToXml(ns: NormalizedSchema, value: unknown, path: string): XmlNode {
  if (ns.isStructSchema()) return structureToXml(ns, value, path);
  if (ns.isListSchema()) {
    const items = listItems(ns, value, path);
    // An empty list is an empty element, as AWS sends it (<ReadReplicaDBInstanceIdentifiers/>).
    return items.length === 0 ? "" : { [ns.getValueSchema().getMergedTraits().xmlName ?? "member"]: items };
  }
  if (ns.isMapSchema()) return mapToXml(ns, value, path);
  return scalarToXml(ns, value, path);
}

function listItems(ns: NormalizedSchema, value: unknown, path: string): XmlNode[] {
  if (!Array.isArray(value)) throw new TypeError(`${path}: expected an array`);
  const item = ns.getValueSchema();
  return value.map((v, i) => valueToXml(item, v, `${path}[${i}]`));
}

function mapToXml(ns: NormalizedSchema, value: unknown, path: string): XmlNode {
  if (!isRecord(value)) throw new TypeError(`${path}: expected an object (map)`);
  const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
  const valueName = ns.getValueSchema().getMergedTraits().xmlName ?? "value";
  const entries = Object.entries(value).map(([k, v]) => ({
    [keyName]: k,
    [valueName]: valueToXml(ns.getValueSchema(), v, `${path}.${k}`),
  }));
  return entries.length === 0 ? "" : { entry: entries };
}

function scalarToXml(ns: NormalizedSchema, value: unknown, path: string): string {
  if (ns.isTimestampSchema()) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${path}: expected a Date`);
    return timestampText(ns, value);
  }
  if (ns.isBooleanSchema()) {
    if (typeof value !== "boolean") throw new TypeError(`${path}: expected a boolean`);
    return String(value);
  }
  if (ns.isNumericSchema()) {
    if (typeof value !== "number") throw new TypeError(`${path}: expected a number`);
    return Number.isNaN(value) ? "NaN" : String(value);
  }
  if (ns.isBlobSchema()) {
    if (!(value instanceof Uint8Array)) throw new TypeError(`${path}: expected bytes`);
    return Buffer.from(value).toString("base64");
  }
  if (typeof value !== "string") throw new TypeError(`${path}: expected a string`);
  return value;
}

/** Schema sentinels: 6 is http-date, 7 epoch-seconds; default and 5 are date-time. */
function timestampText(ns: NormalizedSchema, date: Date): string {
  const format = ns.getSchema();
  if (format === 6) return date.toUTCString();
  if (format === 7) return String(date.getTime() / 1000);
  return date.toISOString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
