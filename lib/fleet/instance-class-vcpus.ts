/**
 * vCPUs of an RDS DB instance class, from its size: the line the DB load
 * chart draws, past which sessions queue for CPU. Every current RDS family
 * (m5, m6g, m7g, r5, r6g, r7g, t3, t4g…) doubles vCPUs with each size from
 * `large` (2) up; the burstable sizes below `large` have 2 as well.
 */
const BY_SIZE: Readonly<Record<string, number>> = {
  micro: 2,
  small: 2,
  medium: 2,
  large: 2,
  xlarge: 4,
  "2xlarge": 8,
  "4xlarge": 16,
  "8xlarge": 32,
  "12xlarge": 48,
  "16xlarge": 64,
  "24xlarge": 96,
  "32xlarge": 128,
  "48xlarge": 192,
};

/** "db.r6g.xlarge" → 4; undefined for a class this table does not know (the chart then draws no line). */
export function instanceClassVcpus(instanceClass: string | undefined): number | undefined {
  const size = instanceClass?.split(".").at(-1);
  return size === undefined ? undefined : BY_SIZE[size];
}
