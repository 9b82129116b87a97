import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { describe, expect, test } from "vitest";
import { createAwsApiServer } from "./server";
import { fleetInstances, InMemoryRdsBackend } from "./test-support/fleet-fixture";
import { CREDENTIALS, REGION } from "./test-support/test-server";

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const base = { port: 0, region: REGION, credentials: CREDENTIALS, rds: new InMemoryRdsBackend([]), logger: silent };

describe("createAwsApiServer", () => {
  test.each(["0.0.0.0", "192.168.1.10", "::"])("refuses to bind to %s, which is not loopback", (host) => {
    expect(() => createAwsApiServer({ ...base, host })).toThrow(`binds to loopback only, not '${host}'`);
  });

  test("listens on a random loopback port, serves the SDK, and closes while the client keeps its connection", async () => {
    const server = createAwsApiServer({ ...base, host: "127.0.0.1", rds: new InMemoryRdsBackend(fleetInstances()) });
    const { url } = await server.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new RDSClient({ endpoint: url, region: REGION, credentials: CREDENTIALS });
    try {
      const output = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "production-myapp" }));
      expect(output.DBInstances?.[0]?.DBInstanceIdentifier).toBe("production-myapp");
    } finally {
      await server.close();
      client.destroy();
    }
  });

  test("serves IPv6 loopback too", async () => {
    const server = createAwsApiServer({ ...base, host: "::1" });
    const { url } = await server.listen();
    try {
      expect(url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    } finally {
      await server.close();
    }
  });
});
