/**
 * Turns what the AWS SDK throws into the domain's errors, with a message that
 * says what failed and a hint that says how to fix it in the current mode.
 * Errors it does not recognise come back unchanged (they are bugs, not outages).
 */
import "server-only";
import { type Config, getConfig } from "@/lib/config";
import { Conflict, Invalid, isDomainError, NotFound, Unavailable } from "@/lib/errors";

type SdkErrorShape = {
  name?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
};

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "timed out",
};

const AUTH_ERRORS = new Set([
  "SignatureDoesNotMatch",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "IncompleteSignature",
  "ExpiredToken",
  "ExpiredTokenException",
  "AccessDenied",
  "AccessDeniedException",
  "AuthFailure",
]);

/** RDS's errors for a request that can never succeed as sent (a restore time outside the window among them). */
const INVALID_REQUEST = new Set([
  "InvalidParameterCombination",
  "InvalidParameterValue",
  "MissingParameter",
  "InvalidRestoreFault",
  "InvalidRestore",
  "PointInTimeRestoreNotEnabledFault",
  "PointInTimeRestoreNotEnabled",
  // A class the region (or the local fleet's machine) has no capacity for.
  "InsufficientDBInstanceCapacityFault",
  "InsufficientDBInstanceCapacity",
  // Performance Insights' refusal of a malformed query.
  "InvalidArgumentException",
]);

/** `service` says which API was called (RDS when absent), so messages and hints name the right one. */
export type FleetErrorContext = { operation: string; identifier?: string; service?: "rds" | "cloudwatch" | "pi" };

type Service = NonNullable<FleetErrorContext["service"]>;

/** Per API: its name for people, the variable that points at it, its IAM prefix and its configured endpoint. */
const SERVICES: Record<
  Service,
  { name: string; variable: string; iam: string; endpoint: (c: Config["aws"]) => string | undefined }
> = {
  rds: { name: "RDS API", variable: "AWS_ENDPOINT_URL_RDS", iam: "rds", endpoint: (c) => c.rdsEndpoint },
  cloudwatch: {
    name: "CloudWatch API",
    variable: "AWS_ENDPOINT_URL_CLOUDWATCH",
    iam: "cloudwatch",
    endpoint: (c) => c.cloudWatchEndpoint,
  },
  pi: {
    name: "Performance Insights API",
    variable: "AWS_ENDPOINT_URL_PI",
    iam: "pi",
    endpoint: (c) => c.performanceInsightsEndpoint,
  },
};

/** The endpoint a call went to: what the log records beside an error. */
export function serviceEndpoint(context: FleetErrorContext): string | undefined {
  return SERVICES[context.service ?? "rds"].endpoint(getConfig().aws);
}

const whom = (context: FleetErrorContext) => (context.identifier ? `DB instance ${context.identifier}` : "the request");

/** Returns the domain error to throw instead of `error`, or `error` itself when it is not an outage or a lookup miss. */
export function toFleetError(error: unknown, context: FleetErrorContext): unknown {
  if (isDomainError(error) || typeof error !== "object" || error === null) return error;
  const e = error as SdkErrorShape;
  const { mode, aws } = getConfig();
  const service = SERVICES[context.service ?? "rds"];
  const apiName = service.name;
  const endpoint = service.endpoint(aws);
  const api = endpoint ? `The ${apiName} at ${endpoint}` : `The ${apiName} in ${aws.region ?? "the configured region"}`;
  const local = mode === "local";

  const what = context.identifier ? `DB instance ${context.identifier}` : "The DB instance";
  if (e.name === "DBInstanceNotFoundFault" || e.name === "DBInstanceNotFound") {
    return new NotFound(`${what} was not found.`, { cause: error });
  }

  // RDS's refusals are written for people (no secrets, no internals), so they are quoted as they come.
  const refusal = (fallback: string) =>
    `${context.operation} was refused for ${whom(context)}: ${e.message || fallback}`;
  if (e.name === "InvalidDBInstanceStateFault" || e.name === "InvalidDBInstanceState") {
    return new Conflict(refusal("it is not in a state that allows this action."), {
      cause: error,
      hint: "Wait until the instance is available and no other action is running on it, then try again.",
    });
  }
  // Snapshots, and names a create or restore would take twice: RDS's own words say which resource.
  if (e.name && /^Invalid\w+State(Fault)?$/.test(e.name)) {
    return new Conflict(refusal("it is not in a state that allows this action."), {
      cause: error,
      hint: "Wait until what it acts on is available and nothing else runs on it, then try again.",
    });
  }
  if (e.name && /NotFound(Fault)?$/.test(e.name)) {
    return new NotFound(`${context.operation}: ${e.message || "not found."}`, { cause: error });
  }
  if (e.name && /AlreadyExists(Fault)?$/.test(e.name)) {
    return new Conflict(refusal("the name is already taken."), { cause: error, hint: "Choose another identifier." });
  }
  if (e.name && /QuotaExceeded(Fault)?$/.test(e.name)) {
    return new Conflict(refusal("a quota would be exceeded."), {
      cause: error,
      hint: "Delete what is no longer needed (old manual snapshots, instances) or raise the quota.",
    });
  }
  if (e.name && INVALID_REQUEST.has(e.name)) {
    return new Invalid(refusal("the request is not valid for it."), { cause: error });
  }

  // PI's answer both for an instance without Performance Insights and for credentials that may not read it.
  if (e.name === "NotAuthorizedException") {
    return new Unavailable(`${api} has no Performance Insights data for ${whom(context)} that rdsdeck may read.`, {
      cause: error,
      hint: local
        ? "The local fleet samples every instance; restart it with `npm start` if this instance was just created."
        : "Enable Performance Insights on the instance, and allow pi:GetResourceMetrics and pi:DescribeDimensionKeys on arn:aws:pi:<region>:<account>:metrics/rds/*.",
    });
  }

  const networkReason = (e.code && NETWORK_CODES[e.code]) ?? (e.name === "TimeoutError" ? "timed out" : undefined);
  if (networkReason) {
    return new Unavailable(`${api} cannot be reached (${networkReason}).`, {
      cause: error,
      hint: local
        ? `Is the local fleet running? Start rdsdeck with \`npm start\`; if the fleet runs on its own, check ${service.variable} against \`npm run fleet:env\`.`
        : `Check that this machine can reach the ${apiName} for AWS_REGION (network, proxy, VPC endpoint).`,
    });
  }

  if (e.name === "CredentialsProviderError") {
    return new Unavailable("No AWS credentials were found.", {
      cause: error,
      hint: "Provide credentials through the standard AWS provider chain: AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO, or an instance role.",
    });
  }

  if (e.message?.startsWith("Region is missing")) {
    return new Unavailable("No AWS region is configured.", {
      cause: error,
      hint: "Set AWS_REGION, or a region in the AWS_PROFILE's configuration.",
    });
  }

  if ((e.name && AUTH_ERRORS.has(e.name)) || e.$metadata?.httpStatusCode === 403) {
    return new Unavailable(`${api} refused rdsdeck's credentials (${e.name ?? "HTTP 403"}).`, {
      cause: error,
      hint: local
        ? "The local fleet generates its own credentials: restart with `npm start`, or refresh them with `npm run fleet:env`."
        : `Check the credentials and that they allow ${service.iam}:${context.operation}.`,
    });
  }

  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === "server" || (status !== undefined && status >= 500) || e.name === "Throttling") {
    return new Unavailable(`${api} failed to answer ${context.operation} (${e.name ?? `HTTP ${status}`}).`, {
      cause: error,
      hint: local
        ? "The local fleet's log says more; restarting it with `npm start` usually helps."
        : "Retry shortly; see the AWS Health Dashboard if it persists.",
    });
  }

  return error;
}
