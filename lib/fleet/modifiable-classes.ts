/**
 * The DB instance classes the Modify dialog offers. RDS lists a region's
 * classes through DescribeOrderableDBInstanceOptions, which the local fleet
 * does not serve; this is the list it sizes nodes for (db.t3, t4g, m5, m6g,
 * r5, r6g, as infra/local/engine/instance-classes.ts), all of which RDS
 * offers for PostgreSQL. The server and RDS check the class again.
 */
const FAMILIES: Record<string, readonly string[]> = {
  t3: ["micro", "small", "medium", "large", "xlarge", "2xlarge"],
  t4g: ["micro", "small", "medium", "large", "xlarge", "2xlarge"],
  m5: ["large", "xlarge", "2xlarge", "4xlarge"],
  m6g: ["large", "xlarge", "2xlarge", "4xlarge"],
  r5: ["large", "xlarge", "2xlarge", "4xlarge"],
  r6g: ["large", "xlarge", "2xlarge", "4xlarge"],
};

export const MODIFIABLE_CLASSES: readonly string[] = Object.entries(FAMILIES).flatMap(([family, sizes]) =>
  sizes.map((size) => `db.${family}.${size}`),
);

/** The choices for an instance: the list, with its own class first if the list does not have it. */
export function classChoices(current: string | undefined): string[] {
  return current && !MODIFIABLE_CLASSES.includes(current) ? [current, ...MODIFIABLE_CLASSES] : [...MODIFIABLE_CLASSES];
}
