/**
 * Whether a value fits a parameter, by RDS's rules for its type: booleans 0 or
 * 1, numbers within AllowedValues' range, enums one of their values. Refusals
 * name the parameter and what it allows, as RDS's InvalidParameterValue does.
 */
import { EngineFault } from "../fleet-ops";
import { REQUIRED_PRELOAD_LIBRARIES } from "./fleet-owned-parameters";
import type { ParameterDefinition } from "./parameter-definitions";

/** The value as it will be written to the node's config; throws InvalidParameterValue when it does not fit. */
export function checkParameterValue(definition: ParameterDefinition, value: string): string {
  const invalid = () =>
    new EngineFault(
      "InvalidParameterValue",
      `Invalid parameter value: ${value} for: ${definition.name} allowed values are: ${definition.allowedValues ?? "a string"}`,
    );
  // A line break would end the config line and let a value set other parameters.
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) throw invalid();
  const trimmed = value.trim();
  switch (definition.dataType) {
    case "boolean":
      if (trimmed !== "0" && trimmed !== "1") throw invalid();
      return trimmed;
    case "integer":
    case "float": {
      const pattern = definition.dataType === "integer" ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
      const n = Number(trimmed);
      if (!pattern.test(trimmed) || !Number.isFinite(n)) throw invalid();
      if (definition.min !== undefined && n < definition.min) throw invalid();
      if (definition.max !== undefined && n > definition.max) throw invalid();
      return trimmed;
    }
    default:
      break;
  }
  if (definition.enumValues) {
    const match = definition.enumValues.find((v) => v.toLowerCase() === trimmed.toLowerCase());
    if (match === undefined) throw invalid();
    return match;
  }
  if (definition.name === "shared_preload_libraries") {
    const libraries = trimmed.split(",").map((l) => l.trim());
    const missing = REQUIRED_PRELOAD_LIBRARIES.filter((l) => !libraries.includes(l));
    if (missing.length > 0) {
      throw new EngineFault(
        "InvalidParameterValue",
        `Invalid parameter value: ${value} for: shared_preload_libraries must keep ${missing.join(", ")}: the local fleet's Performance Insights needs it`,
      );
    }
  }
  return value;
}
