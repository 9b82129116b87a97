import "server-only";
import { getConfig } from "@/lib/config";
import { isDomainError } from "@/lib/errors";
import { log } from "@/lib/log";
import { type FleetErrorContext, serviceEndpoint, toFleetError } from "./to-fleet-error";

/**
 * Runs one RDS (or, with `service`, CloudWatch or Performance Insights) API call (or a loop of paged calls) and turns what the SDK
 * throws into the domain's errors, logged once here with where the call went.
 * Expected refusals (not found, busy) log quietly; outages warn; unknown
 * errors are bugs and log with their stack.
 */
export async function callRds<T>(context: FleetErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const translated = toFleetError(error, context);
    const { mode, aws } = getConfig();
    const where = { ...context, mode, endpoint: serviceEndpoint(context), region: aws.region };
    if (isDomainError(translated)) {
      const level = translated.code === "unavailable" ? "warn" : "info";
      log()[level]({ ...where, code: translated.code, cause: summarize(error) }, translated.message);
    } else {
      log().error({ ...where, err: error }, `${context.operation} failed`);
    }
    throw translated;
  }
}

/** Enough of an SDK error to diagnose it, without its stack (an outage logs on every refresh while it lasts). */
function summarize(error: unknown) {
  if (!(error instanceof Error)) return String(error);
  const { name, message } = error;
  const code = (error as { code?: unknown }).code;
  return { name, message, code };
}
