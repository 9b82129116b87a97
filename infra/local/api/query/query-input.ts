import type { NormalizedSchema } from "@smithy/core/schema";
import { commonErrors } from "../common-errors";

/** A `Filters.Filter.1.Name`-style key split on "."; each node may hold a value. */
interface ParamNode {
  value?: string;
  readonly children: Map<string, ParamNode>;
}

/**
 * Turns flat Query parameters into the operation's input object, guided by
 * the input shape from the SDK's service model: member and list-member names
 * (`Filters.Filter.N`, `Values.Value.N`, `…member.N`), flattened lists, maps
 * (`entry.N.key`), and scalar types. Unknown parameters are ignored, as AWS
 * Query services do. Required members and ranges are checked afterwards, per
 * operation.
 */
export function decodeQueryInput(input: NormalizedSchema, params: ReadonlyMap<string, string>): unknown {
  return readShape(input, buildTree(params), "") ?? {};
}

function buildTree(params: ReadonlyMap<string, string>): ParamNode {
  const root: ParamNode = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const segment of key.split(".")) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

function readShape(ns: NormalizedSchema, node: ParamNode | undefined, path: string): unknown {
  if (node === undefined) return undefined;
  if (ns.isStructSchema()) return readStructure(ns, node, path);
  if (ns.isListSchema()) return readList(ns, node, path);
  if (ns.isMapSchema()) return readMap(ns, node, path);
  if (node.value === undefined) return undefined;
  return readScalar(ns, node.value, path);
}

function readStructure(ns: NormalizedSchema, node: ParamNode, path: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  let found = false;
  for (const [memberName, member] of ns.structIterator()) {
    const key = member.getMergedTraits().xmlName ?? memberName;
    const value = readShape(member, node.children.get(key), join(path, key));
    if (value !== undefined) {
      result[memberName] = value;
      found = true;
    }
  }
  return found ? result : undefined;
}

function readList(ns: NormalizedSchema, node: ParamNode, path: string): unknown[] {
  const item = ns.getValueSchema();
  const flattened = ns.getMergedTraits().xmlFlattened === 1;
  const itemKey = item.getMergedTraits().xmlName ?? "member";
  const container = flattened ? node : node.children.get(itemKey);
  const itemPath = flattened ? path : join(path, itemKey);
  // "Filters=" with no items is how SDKs send an empty list.
  if (container === undefined) return [];
  return indexed(container, itemPath).map(([index, child]) => readShape(item, child, join(itemPath, index)));
}

function readMap(ns: NormalizedSchema, node: ParamNode, path: string): Record<string, unknown> {
  const flattened = ns.getMergedTraits().xmlFlattened === 1;
  const keySchema = ns.getKeySchema();
  const valueSchema = ns.getValueSchema();
  const keyName = keySchema.getMergedTraits().xmlName ?? "key";
  const valueName = valueSchema.getMergedTraits().xmlName ?? "value";
  const container = flattened ? node : node.children.get("entry");
  const entryPath = flattened ? path : join(path, "entry");
  const result: Record<string, unknown> = {};
  if (container === undefined) return result;
  for (const [index, entry] of indexed(container, entryPath)) {
    const key = entry.children.get(keyName)?.value;
    if (key === undefined) throw commonErrors.missingParameter(join(join(entryPath, index), keyName));
    if (key === "__proto__") continue;
    result[key] = readShape(valueSchema, entry.children.get(valueName), join(join(entryPath, index), valueName));
  }
  return result;
}

/** Children named 1, 2, 3… in numeric order; AWS numbers Query list items from 1. */
function indexed(container: ParamNode, path: string): Array<[string, ParamNode]> {
  const items: Array<[number, string, ParamNode]> = [];
  for (const [segment, child] of container.children) {
    if (!/^\d+$/.test(segment) || Number(segment) < 1) {
      throw commonErrors.invalidParameterValue(`Invalid list index '${segment}' in parameter ${join(path, segment)}.`);
    }
    items.push([Number(segment), segment, child]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, segment, child]) => [segment, child]);
}

function readScalar(ns: NormalizedSchema, value: string, path: string): unknown {
  if (ns.isBooleanSchema()) {
    if (value === "true") return true;
    if (value === "false") return false;
    throw invalid(value, path, "a boolean (true or false)");
  }
  if (ns.isNumericSchema()) {
    const number = value.trim() === "" ? Number.NaN : Number(value);
    if (!Number.isFinite(number)) throw invalid(value, path, "a number");
    return number;
  }
  if (ns.isTimestampSchema()) {
    const date = new Date(/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : value);
    if (Number.isNaN(date.getTime())) throw invalid(value, path, "an ISO 8601 timestamp");
    return date;
  }
  if (ns.isBlobSchema()) return new Uint8Array(Buffer.from(value, "base64"));
  return value;
}

function invalid(value: string, path: string, expected: string) {
  return commonErrors.invalidParameterValue(`Invalid value '${value}' for parameter ${path}: expected ${expected}.`);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
