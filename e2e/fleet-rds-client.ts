import { readFileSync } from "node:fs";
import path from "node:path";
import { RDSClient } from "@aws-sdk/client-rds";
import { e2eDataDir } from "./local-fleet-files";

/**
 * An RDS client for the e2e fleet's API, configured as an application would
 * be from `npm run fleet:env`: the endpoint and region from engine.json, the
 * fleet's generated key from credentials.json. For checking what the browser
 * did through the API itself.
 */
export function fleetRdsClient(): RDSClient {
  const dir = e2eDataDir();
  const info = JSON.parse(readFileSync(path.join(dir, "engine.json"), "utf8")) as { apiUrl: string; region: string };
  const { aws } = JSON.parse(readFileSync(path.join(dir, "credentials.json"), "utf8")) as {
    aws: { accessKeyId: string; secretAccessKey: string };
  };
  return new RDSClient({ endpoint: info.apiUrl, region: info.region, credentials: aws, maxAttempts: 1 });
}
