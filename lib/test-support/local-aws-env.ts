import type { RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, vi } from "vitest";
import type { RdsBackend } from "../../infra/local/api/rds-backend";
import { CREDENTIALS, REGION, startTestServer, type TestServer } from "../../infra/local/api/test-support/test-server";

/**
 * Points lib/config at a local AWS API test server, as `npm start` points the
 * app at the fleet's: local mode, every service endpoint, its credentials.
 * lib/config reads these once per process; undo with vi.unstubAllEnvs().
 */
export function stubLocalAwsEnv(rdsUrl: string, cloudWatchUrl = rdsUrl, performanceInsightsUrl = rdsUrl): void {
  vi.stubEnv("RDSDECK_MODE", "local");
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
  vi.stubEnv("AWS_REGION", REGION);
  vi.stubEnv("AWS_ENDPOINT_URL_RDS", rdsUrl);
  vi.stubEnv("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatchUrl);
  vi.stubEnv("AWS_ENDPOINT_URL_PI", performanceInsightsUrl);
  vi.stubEnv("AWS_ACCESS_KEY_ID", CREDENTIALS.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", CREDENTIALS.secretAccessKey);
}

/**
 * For one test file: serves `backend` on a local AWS API test server before
 * its tests, with lib/config pointed at it, and stops it after. Returns a
 * getter for an RDS client signed for that server.
 */
export function serveLocalAws(backend: RdsBackend): { client: () => RDSClient } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(backend);
    stubLocalAwsEnv(server.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.close();
  });
  return {
    client: () => {
      if (!server) throw new Error("serveLocalAws: the server starts in beforeAll");
      return server.client();
    },
  };
}
