/**
 * ResourceName of the tagging calls: an RDS ARN (User Guide, "Constructing an
 * ARN for Amazon RDS"), `arn:aws:rds:<region>:<account>:db:<id>`,
 * `…:snapshot:<id>` (an automated snapshot's id is itself `rds:<…>`) or
 * `…:pg:<name>` (a DB parameter group). The local fleet has no other
 * taggable resources.
 */
import { z } from "zod";
import type { TaggedResource } from "../rds-backend";

const RDS_ARN = /^arn:(aws[a-z-]*):rds:([a-z0-9-]+):(\d{12}):([a-z-]+):(.+)$/;
const EXAMPLE = "arn:aws:rds:us-east-1:123456789012:db:my-instance";

export const taggableResourceName = z.string().transform((name, ctx): TaggedResource => {
  const [, partition, region, account, type, id] = RDS_ARN.exec(name) ?? [];
  if (partition === undefined || id === undefined) {
    ctx.addIssue({ code: "custom", message: `${JSON.stringify(name)} is not an RDS ARN such as ${EXAMPLE}` });
    return z.NEVER;
  }
  if (type !== "db" && type !== "snapshot" && type !== "pg") {
    ctx.addIssue({
      code: "custom",
      message: `the local fleet has no ${type} resources: it tags DB instances (…:db:<id>), DB snapshots (…:snapshot:<id>) and DB parameter groups (…:pg:<name>)`,
    });
    return z.NEVER;
  }
  // RDS keeps identifiers in lowercase, and so does every ARN it hands out.
  const lower = id.toLowerCase();
  return { type, id: lower, arn: `arn:${partition}:rds:${region}:${account}:${type}:${lower}` };
});
