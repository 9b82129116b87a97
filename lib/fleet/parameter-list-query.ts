import { z } from "zod";
import type { DbParameter } from "./parameter-group-model";

/** A parameter group page's filters, from its URL: part of a name, and which Source. */
export const parameterListQuery = z.object({
  filter: z.string().trim().max(100, "a filter has at most 100 characters").optional(),
  source: z
    .enum(["", "user", "system", "engine-default"], { error: "expected user, system or engine-default" })
    .optional(),
  modifiable: z.enum(["", "yes"]).optional(),
});

export type ParameterListQuery = z.infer<typeof parameterListQuery>;

export function filterParameters(parameters: DbParameter[], query: ParameterListQuery): DbParameter[] {
  const needle = query.filter?.toLowerCase() ?? "";
  return parameters.filter(
    (p) =>
      (needle === "" || p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle)) &&
      (!query.source || p.source === query.source) &&
      (query.modifiable !== "yes" || p.isModifiable),
  );
}
