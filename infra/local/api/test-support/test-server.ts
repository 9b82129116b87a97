import { RDSClient } from "@aws-sdk/client-rds";
import type { ApiLogger } from "../api-logger";
import type { RdsBackend } from "../rds-backend";
import { createAwsApiServer } from "../server";

export const REGION = "us-east-1";
export const CREDENTIALS = { accessKeyId: "AKIARDSDECKLOCAL0001", secretAccessKey: "local-secret/3kXq9+VbY2rT8wLmN" };

export interface LogEntry {
  readonly level: "info" | "warn" | "error";
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export interface TestServer {
  readonly url: string;
  readonly logs: LogEntry[];
  client(overrides?: {
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    region?: string;
  }): RDSClient;
  close(): Promise<void>;
}

/** A real server on a random loopback port, with a logger that keeps what it is told. */
export async function startTestServer(rds: RdsBackend, options: { now?: () => Date } = {}): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const logger: ApiLogger = {
    info: (fields, message) => logs.push({ level: "info", fields, message }),
    warn: (fields, message) => logs.push({ level: "warn", fields, message }),
    error: (fields, message) => logs.push({ level: "error", fields, message }),
  };
  const server = createAwsApiServer({
    host: "127.0.0.1",
    port: 0,
    region: REGION,
    credentials: CREDENTIALS,
    rds,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const { url } = await server.listen();
  const clients: RDSClient[] = [];
  return {
    url,
    logs,
    client: (overrides = {}) => {
      const client = new RDSClient({
        endpoint: url,
        region: overrides.region ?? REGION,
        credentials: overrides.credentials ?? CREDENTIALS,
        // Errors must surface as they are, not after retries.
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await server.close();
    },
  };
}
