import type { DBParameterGroup, Parameter } from "@aws-sdk/client-rds";

/** A DB parameter group as the dashboard shows it. Default groups (default.*) cannot be changed. */
export type ParameterGroup = { name: string; family: string; description: string; isDefault: boolean };

/** One parameter of a group, in RDS's words (Source, ApplyType, AllowedValues…). */
export type DbParameter = {
  name: string;
  value?: string;
  source: string;
  applyType: "static" | "dynamic";
  dataType: string;
  allowedValues?: string;
  isModifiable: boolean;
  description: string;
  applyMethod?: string;
};

export function toParameterGroup(g: DBParameterGroup): ParameterGroup {
  const name = g.DBParameterGroupName ?? "";
  return {
    name,
    family: g.DBParameterGroupFamily ?? "",
    description: g.Description ?? "",
    isDefault: name.startsWith("default."),
  };
}

export function toDbParameter(p: Parameter): DbParameter {
  return {
    name: p.ParameterName ?? "",
    value: p.ParameterValue,
    source: p.Source ?? "engine-default",
    applyType: p.ApplyType === "static" ? "static" : "dynamic",
    dataType: p.DataType ?? "string",
    allowedValues: p.AllowedValues,
    isModifiable: p.IsModifiable ?? false,
    description: p.Description ?? "",
    applyMethod: p.ApplyMethod,
  };
}
