/**
 * Everything the CDK app reads from context (`cdk.json` or `-c key=value`),
 * validated once with zod so that a typo fails the synth with the key's name
 * instead of deploying something unintended.
 */
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { z } from "zod";
import { type Fleet, fleetSchema } from "../../fleet";

/** Where the fleet's VPC comes from. */
export type VpcSource =
  | { kind: "create"; cidr: string }
  | { kind: "import"; vpcId: string; cidr: string; privateSubnetIds: string[] }
  | { kind: "lookup" };

export interface Deployment {
  vpc: VpcSource;
  /** An application security group allowed to reach PostgreSQL besides the VPC CIDR. */
  appSecurityGroupId?: string;
  /** Subscribed to the alerts topic when given. */
  alertEmail?: string;
  /** Master password rotation interval; 0 turns rotation off. */
  rotationDays: number;
  logRetention: RetentionDays;
}

/** `-c key=value` arrives as a string, cdk.json values keep their JSON type. */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]);
const wholeNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int());
/** EC2 resource ids: `vpc-`, `subnet-`, `sg-` and 8 or 17 hex digits. */
const ec2Id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`), `an id like ${prefix}-0123456789abcdef0`);
const idList = (prefix: string) =>
  z
    .union([z.array(z.string()), z.string().transform((s) => s.split(","))])
    .transform((ids) => ids.map((id) => id.trim()).filter((id) => id.length > 0))
    .pipe(z.array(ec2Id(prefix)).min(1));
const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "an IPv4 CIDR such as 10.0.0.0/16");
/** CloudWatch Logs accepts only these retention periods. */
const retentionDays = wholeNumber.refine(
  (days) => (Object.values(RetentionDays) as unknown[]).includes(days),
  "a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...)",
);

export const contextSchema = z
  .object({
    /** Overrides for infra/fleet.ts, as a JSON object (or its JSON text on the command line). */
    fleet: z.union([z.record(z.string(), z.unknown()), z.string().transform((s, ctx) => parseJson(s, ctx))]).optional(),
    /** Shortcut for the most common override: `-c environment=staging`. */
    environment: z.string().optional(),
    createVpc: flag.default(true),
    vpcId: ec2Id("vpc").optional(),
    vpcCidr: cidr.optional(),
    privateSubnetIds: idList("subnet").optional(),
    appSecurityGroupId: ec2Id("sg").optional(),
    alertEmail: z.email().optional(),
    rotationDays: wholeNumber.pipe(z.number().min(0).max(365)).default(30),
    logRetentionDays: retentionDays.default(30),
  })
  .superRefine((c, ctx) => {
    if (c.createVpc && c.vpcId) {
      ctx.addIssue({ code: "custom", path: ["vpcId"], message: "give vpcId only with createVpc=false" });
    }
    if (c.vpcId && (!c.vpcCidr || !c.privateSubnetIds)) {
      ctx.addIssue({
        code: "custom",
        path: ["vpcId"],
        message: "an imported VPC also needs vpcCidr and privateSubnetIds",
      });
    }
  });

function parseJson(text: string, ctx: z.RefinementCtx): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: "must be a JSON object" });
  return {};
}

const contextKeys = Object.keys(contextSchema.shape);

/**
 * Reads the app's context. `tryGetContext` is the construct-tree accessor, so
 * this takes a function rather than the App to stay trivially testable.
 */
export function readContext(get: (key: string) => unknown): { fleet: Fleet; deployment: Deployment } {
  const raw = Object.fromEntries(contextKeys.map((key) => [key, get(key)]).filter(([, v]) => v !== undefined));
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid CDK context: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;

  const fleetInput = { ...c.fleet, ...(c.environment === undefined ? {} : { environment: c.environment }) };
  const fleetParsed = fleetSchema.safeParse(fleetInput);
  if (!fleetParsed.success) throw new Error(`Invalid fleet in CDK context: ${z.prettifyError(fleetParsed.error)}`);
  return {
    fleet: fleetParsed.data,
    deployment: {
      vpc: vpcSource(c),
      rotationDays: c.rotationDays,
      logRetention: c.logRetentionDays as RetentionDays,
      ...(c.appSecurityGroupId === undefined ? {} : { appSecurityGroupId: c.appSecurityGroupId }),
      ...(c.alertEmail === undefined ? {} : { alertEmail: c.alertEmail }),
    },
  };
}

function vpcSource(c: z.infer<typeof contextSchema>): VpcSource {
  if (c.createVpc) return { kind: "create", cidr: c.vpcCidr ?? "10.0.0.0/16" };
  if (c.vpcId && c.vpcCidr && c.privateSubnetIds) {
    return { kind: "import", vpcId: c.vpcId, cidr: c.vpcCidr, privateSubnetIds: c.privateSubnetIds };
  }
  return { kind: "lookup" };
}
