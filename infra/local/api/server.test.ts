import { Agent } from "node:http";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { describe, expect, test } from "vitest";
import { ConfigError, loadEngineConfig } from "../config";
import type { ApiLogger } from "./api-logger";
import { createAwsApiServer } from "./server";
import { fleetInstances, InMemoryRdsBackend } from "./test-support/fleet-fixture";
import { nonLoopbackAddress, tryConnect, urlHost } from "./test-support/interface-address";
import { CREDENTIALS, REGION } from "./test-support/test-server";

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const base = { port: 0, region: REGION, credentials: CREDENTIALS, rds: new InMemoryRdsBackend([]), logger: silent };

function recordingLogger(): ApiLogger & { warnings: Array<{ fields: Record<string, unknown>; message: string }> } {
  const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
  return { ...silent, warn: (fields, message) => warnings.push({ fields, message }), warnings };
}

async function describeThrough(endpoint: string): Promise<string | undefined> {
  const client = new RDSClient({ endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  try {
    const output = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "production-myapp" }));
    return output.DBInstances?.[0]?.DBInstanceIdentifier;
  } finally {
    client.destroy();
  }
}

describe("createAwsApiServer", () => {
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

  test("a kept-alive connection idle past Node's 5 s default is still served, not hung up on", async () => {
    const server = createAwsApiServer({ ...base, host: "127.0.0.1", rds: new InMemoryRdsBackend(fleetInstances()) });
    const { url } = await server.listen();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const client = new RDSClient({
      endpoint: url,
      region: REGION,
      credentials: CREDENTIALS,
      maxAttempts: 1,
      requestHandler: { httpAgent: agent },
    });
    const sockets = new Set<unknown>();
    agent.on("free", (socket) => sockets.add(socket));
    try {
      await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "production-myapp" }));
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const again = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "production-myapp" }));
      expect(again.DBInstances?.[0]?.DBInstanceIdentifier).toBe("production-myapp");
      // The same socket carried both calls: the server kept it open.
      expect(sockets.size).toBe(1);
    } finally {
      client.destroy();
      agent.destroy();
      await server.close();
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

describe("RDSDECK_API_HOST", () => {
  test("defaults to 127.0.0.1", () => {
    expect(loadEngineConfig({}).apiHost).toBe("127.0.0.1");
  });

  test.each(["0.0.0.0", "::", "192.0.2.7", "localhost"])("accepts %s", (host) => {
    expect(loadEngineConfig({ RDSDECK_API_HOST: host }).apiHost).toBe(host);
  });

  test.each(["example.com", "127.0.0.1:80", "256.1.1.1", ""])("refuses %j, naming the variable", (host) => {
    expect(() => loadEngineConfig({ RDSDECK_API_HOST: host })).toThrow(ConfigError);
    expect(() => loadEngineConfig({ RDSDECK_API_HOST: host })).toThrow(/^Invalid RDSDECK_API_HOST: /);
  });
});

const outside = nonLoopbackAddress();
// Without an interface address there is nothing to prove unreachability on; the test's name says it was skipped.
const outsideName = outside ?? "none (skipped: this machine has no non-loopback interface address)";

describe.skipIf(outside === undefined)(`reachability from this machine's address ${outsideName}`, () => {
  const address = outside ?? "";

  test("with the default RDSDECK_API_HOST the API is not reachable there, and logs no warning", async () => {
    const logger = recordingLogger();
    const server = createAwsApiServer({ ...base, logger, host: loadEngineConfig({}).apiHost });
    const { url } = await server.listen();
    try {
      const port = new URL(url).port;
      expect(await tryConnect(`${url}/`)).toBe("connected");
      expect(await tryConnect(`http://${urlHost(address)}:${port}/`)).toBe("ECONNREFUSED");
      expect(logger.warnings).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test("RDSDECK_API_HOST=0.0.0.0 serves the SDK there, hands out a loopback URL, and warns once at start", async () => {
    const logger = recordingLogger();
    const host = loadEngineConfig({ RDSDECK_API_HOST: "0.0.0.0" }).apiHost;
    const server = createAwsApiServer({ ...base, logger, host, rds: new InMemoryRdsBackend(fleetInstances()) });
    const { url } = await server.listen();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = new URL(url).port;
      expect(await describeThrough(`http://${urlHost(address)}:${port}`)).toBe("production-myapp");
      expect(logger.warnings).toEqual([
        { fields: { host: "0.0.0.0", port: Number(port) }, message: expect.stringContaining("beyond loopback") },
      ]);
    } finally {
      await server.close();
    }
  });

  test("RDSDECK_API_HOST set to that address serves there and not on loopback", async () => {
    const logger = recordingLogger();
    const server = createAwsApiServer({
      ...base,
      logger,
      host: address,
      rds: new InMemoryRdsBackend(fleetInstances()),
    });
    const { url } = await server.listen();
    try {
      expect(url).toBe(`http://${urlHost(address)}:${new URL(url).port}`);
      expect(await describeThrough(url)).toBe("production-myapp");
      expect(await tryConnect(`http://127.0.0.1:${new URL(url).port}/`)).toBe("ECONNREFUSED");
      expect(logger.warnings).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
