/**
 * The process's one Performance Insights client, configured like the RDS and
 * CloudWatch clients: in local mode it talks to the local fleet's PI API
 * (AWS_ENDPOINT_URL_PI) and gives up quickly.
 */
import "server-only";
import { PIClient } from "@aws-sdk/client-pi";
import { getConfig } from "@/lib/config";

// A global, not a module variable: Next may evaluate this module once per route bundle.
const globalKey = Symbol.for("rdsdeck.performanceInsightsClient");
type Holder = { [globalKey]?: PIClient };

export function getPerformanceInsightsClient(): PIClient {
  const holder = globalThis as Holder;
  holder[globalKey] ??= createPerformanceInsightsClient();
  return holder[globalKey];
}

function createPerformanceInsightsClient(): PIClient {
  const { mode, aws } = getConfig();
  const local = mode === "local";
  return new PIClient({
    region: aws.region,
    endpoint: aws.performanceInsightsEndpoint,
    credentials: aws.credentials,
    maxAttempts: local ? 2 : 3,
    requestHandler: local
      ? { connectionTimeout: 1_000, requestTimeout: 5_000 }
      : { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
}
