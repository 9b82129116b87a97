/**
 * The process's one CloudWatch client, configured like the RDS client: in
 * local mode it talks to the local fleet's API and gives up quickly, so a dead
 * engine shows as "unavailable" on the page instead of holding it up.
 */
import "server-only";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { getConfig } from "@/lib/config";

// A global, not a module variable: Next may evaluate this module once per route bundle.
const globalKey = Symbol.for("rdsdeck.cloudWatchClient");
type Holder = { [globalKey]?: CloudWatchClient };

export function getCloudWatchClient(): CloudWatchClient {
  const holder = globalThis as Holder;
  holder[globalKey] ??= createCloudWatchClient();
  return holder[globalKey];
}

function createCloudWatchClient(): CloudWatchClient {
  const { mode, aws } = getConfig();
  const local = mode === "local";
  return new CloudWatchClient({
    region: aws.region,
    endpoint: aws.cloudWatchEndpoint,
    credentials: aws.credentials,
    maxAttempts: local ? 2 : 3,
    requestHandler: local
      ? { connectionTimeout: 1_000, requestTimeout: 5_000 }
      : { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
}
