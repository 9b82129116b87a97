import "server-only";
import { callRds } from "./call-rds";
import type { FleetErrorContext } from "./to-fleet-error";

/** Runs one CloudWatch API call with the same error mapping and logging as RDS calls. */
export function callCloudWatch<T>(context: Omit<FleetErrorContext, "service">, call: () => Promise<T>): Promise<T> {
  return callRds({ ...context, service: "cloudwatch" }, call);
}
