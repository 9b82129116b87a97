import { z } from "zod";

/**
 * RDS's rules for a DB parameter group name (CreateDBParameterGroup): 1 to
 * 255 letters, digits and hyphens, first a letter, no trailing hyphen and no
 * two consecutive hyphens; stored in lowercase.
 */
export const newParameterGroupName = z
  .string()
  .min(1)
  .max(
    255,
    "The parameter DBParameterGroupName is not a valid identifier. Identifiers must be 1 to 255 characters long.",
  )
  .refine(
    (s) => /^[A-Za-z][A-Za-z0-9-]*$/.test(s) && !s.endsWith("-") && !s.includes("--"),
    "The parameter DBParameterGroupName is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.",
  )
  .transform((s) => s.toLowerCase());

/** A group to look up: the default ones have a dot (default.postgres17), so only non-empty is required. */
export const parameterGroupName = z
  .string()
  .min(1, "The parameter DBParameterGroupName must be provided and must not be blank.")
  .transform((s) => s.toLowerCase());

export const applyMethod = z.enum(["immediate", "pending-reboot"]);

/**
 * One member of Parameters. The read-only attributes DescribeDBParameters
 * returns (Description, Source, DataType…) are accepted and not used, as RDS
 * does, so that a client can send back what it read.
 */
const parameterMember = z.object({
  ParameterName: z.string().min(1, "ParameterName must not be empty"),
  ParameterValue: z.string().optional(),
  ApplyMethod: applyMethod.optional(),
  Description: z.string().optional(),
  Source: z.string().optional(),
  ApplyType: z.string().optional(),
  DataType: z.string().optional(),
  AllowedValues: z.string().optional(),
  IsModifiable: z.boolean().optional(),
  MinimumEngineVersion: z.string().optional(),
  SupportedEngineModes: z.array(z.string()).optional(),
});

/** ModifyDBParameterGroup takes 1 to 20 parameters per call. */
export const parameterList = (max: number) =>
  z
    .array(parameterMember)
    .min(1, "at least one parameter is required")
    .max(max, `at most ${max} parameters may be modified in one request`);

export type ParameterMember = z.infer<typeof parameterMember>;
