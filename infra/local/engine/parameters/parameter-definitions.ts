/**
 * What DescribeDBParameters and DescribeEngineDefaultParameters say about each
 * parameter, taken from the real server's pg_settings rather than a list kept
 * by hand: the fleet's postgres decides which parameters exist, their types,
 * ranges and whether a restart is needed. Read once from a running node.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { fleetOwnedReason } from "./fleet-owned-parameters";

export type ParameterDataType = "string" | "integer" | "float" | "boolean" | "list";

export type ParameterDefinition = {
  name: string;
  description: string;
  dataType: ParameterDataType;
  /** RDS's form: "0,1" for booleans, "min-max" for numbers, the values of an enum separated by commas. */
  allowedValues?: string;
  /** static: takes effect at the next restart (context postmaster); dynamic: at a reload. */
  applyType: "static" | "dynamic";
  isModifiable: boolean;
  /** Numbers, for the range check; enums, for the membership check. */
  min?: number;
  max?: number;
  enumValues?: string[];
  /** The value the local engine's own config file gives it (Source "system"), if it sets one. */
  systemValue?: string;
};

type PgSetting = {
  name: string;
  short_desc: string;
  vartype: "bool" | "integer" | "real" | "string" | "enum";
  context: string;
  enumvals: string[] | null;
  min_val: string | null;
  max_val: string | null;
};

const SETTINGS_SQL =
  "select name, short_desc, vartype, context, enumvals, min_val, max_val from pg_settings order by name";

/** Lists of values (search_path, shared_preload_libraries…): RDS calls their type "list". */
const LIST_PARAMETERS = new Set([
  "search_path",
  "shared_preload_libraries",
  "session_preload_libraries",
  "local_preload_libraries",
  "temp_tablespaces",
  "log_destination",
  "DateStyle",
]);

export async function readParameterDefinitions(db: pg.Client, nodeDataDir: string): Promise<ParameterDefinition[]> {
  const { rows } = await db.query<PgSetting>(SETTINGS_SQL);
  const system = systemSettings(nodeDataDir);
  return rows.map((s) => toDefinition(s, system.get(s.name.toLowerCase())));
}

function toDefinition(s: PgSetting, systemValue: string | undefined): ParameterDefinition {
  const numeric = s.vartype === "integer" || s.vartype === "real";
  const definition: ParameterDefinition = {
    name: s.name,
    description: s.short_desc,
    dataType: dataTypeOf(s),
    applyType: s.context === "postmaster" || s.context === "internal" ? "static" : "dynamic",
    isModifiable: s.context !== "internal" && fleetOwnedReason(s.name) === undefined,
    systemValue,
  };
  if (s.vartype === "bool") definition.allowedValues = "0,1";
  if (numeric && s.min_val !== null && s.max_val !== null) {
    definition.min = Number(s.min_val);
    definition.max = Number(s.max_val);
    definition.allowedValues = `${s.min_val}-${s.max_val}`;
  }
  if (s.vartype === "enum" && s.enumvals) {
    definition.enumValues = s.enumvals;
    definition.allowedValues = s.enumvals.join(",");
  }
  return definition;
}

function dataTypeOf(s: PgSetting): ParameterDataType {
  if (LIST_PARAMETERS.has(s.name)) return "list";
  if (s.vartype === "bool") return "boolean";
  if (s.vartype === "integer") return "integer";
  if (s.vartype === "real") return "float";
  return "string";
}

/**
 * The settings RDS's default group sizes from the instance class: the group
 * holds the formula (a group serves every class), each node its class's value
 * (engine/instance-classes.ts).
 */
const CLASS_FORMULAS: Record<string, string> = {
  shared_buffers: "{DBInstanceClassMemory/32768}",
  effective_cache_size: "{DBInstanceClassMemory/16384}",
  max_connections: "LEAST({DBInstanceClassMemory/9531392},5000)",
  maintenance_work_mem: "GREATEST({DBInstanceClassMemory*1024/63963136},65536)",
};

/**
 * The settings the engine writes into every node's rdsdeck.conf (name → value
 * without quotes): DescribeDBParameters reports them with Source "system", as
 * RDS does for the values it sets itself; the class-sized ones as formulas.
 */
function systemSettings(nodeDataDir: string): Map<string, string> {
  const text = readFileSync(path.join(nodeDataDir, "rdsdeck.conf"), "utf8");
  const settings = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Za-z_.]+)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const raw = match[2].trim();
    const value = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
    settings.set(match[1].toLowerCase(), value);
  }
  for (const [name, formula] of Object.entries(CLASS_FORMULAS)) settings.set(name, formula);
  return settings;
}
