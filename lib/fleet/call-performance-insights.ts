import "server-only";
import { callRds } from "./call-rds";
import type { FleetErrorContext } from "./to-fleet-error";

/** Runs one Performance Insights API call with the same error mapping and logging as RDS calls. */
export function callPerformanceInsights<T>(
  context: Omit<FleetErrorContext, "service">,
  call: () => Promise<T>,
): Promise<T> {
  return callRds({ ...context, service: "pi" }, call);
}
