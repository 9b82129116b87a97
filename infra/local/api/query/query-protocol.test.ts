import type { DBInstance } from "@aws-sdk/client-rds";
import { afterEach, describe, expect, test } from "vitest";
import type { RdsBackend } from "../rds-backend";
import { fleetInstances, InMemoryRdsBackend, unusedRdsActions } from "../test-support/fleet-fixture";
import { FORM_CONTENT_TYPE, signedFetch } from "../test-support/signed-fetch";
import { CREDENTIALS, startTestServer, type TestServer } from "../test-support/test-server";
import { parseQueryError } from "../test-support/xml";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(backend: RdsBackend = new InMemoryRdsBackend(fleetInstances())) {
  server = await startTestServer(backend);
  return server;
}

const form = { "content-type": FORM_CONTENT_TYPE };

describe("AWS Query protocol errors (signed raw requests)", () => {
  test.each([
    ["a text body that is no form at all", "hello, this is not a form", 400, "MissingAction", "Missing Action"],
    ["a body with Version but no Action", "Version=2014-10-31", 400, "MissingAction", "Missing Action"],
    [
      "an Action this endpoint does not serve",
      "Action=DescribeDBClusters&Version=2014-10-31",
      400,
      "InvalidAction",
      "The action DescribeDBClusters is not valid for this web service.",
    ],
    [
      "an API version RDS does not have",
      "Action=DescribeDBInstances&Version=2099-01-01",
      400,
      "InvalidAction",
      "Could not find operation DescribeDBInstances for version 2099-01-01",
    ],
    [
      "no Version",
      "Action=DescribeDBInstances",
      400,
      "MissingParameter",
      "The request must contain the parameter Version",
    ],
    [
      "a broken percent-encoding",
      "Action=DescribeDBInstances&Version=2014-10-31&Marker=%zz",
      404,
      "MalformedQueryString",
      "The request contains an invalid percent-encoding: '%zz'.",
    ],
    [
      "a MaxRecords that is not a number",
      "Action=DescribeDBInstances&Version=2014-10-31&MaxRecords=many",
      400,
      "InvalidParameterValue",
      "Invalid value 'many' for parameter MaxRecords: expected a number.",
    ],
    [
      "a filter without its Name",
      "Action=DescribeDBInstances&Version=2014-10-31&Filters.Filter.1.Values.Value.1=postgres",
      400,
      "MissingParameter",
      "The request must contain the parameter Filters.Filter.1.Name",
    ],
    [
      "a list index that is not a positive number",
      "Action=DescribeDBInstances&Version=2014-10-31&Filters.Filter.0.Name=engine",
      400,
      "InvalidParameterValue",
      "Invalid list index '0' in parameter Filters.Filter.0.",
    ],
    [
      "a member of the model the operation does not apply (ModifyDBInstance's Iops)",
      "Action=ModifyDBInstance&Version=2014-10-31&DBInstanceIdentifier=production-myapp&Iops=3000",
      400,
      "InvalidParameterCombination",
      "The local fleet does not support Iops on ModifyDBInstance: it refuses the request rather than ignore it.",
    ],
    [
      "two such members, a list among them, named as the client sent them",
      "Action=ModifyDBInstance&Version=2014-10-31&DBInstanceIdentifier=production-myapp&StorageThroughput=500&VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1",
      400,
      "InvalidParameterCombination",
      "The local fleet does not support VpcSecurityGroupIds, StorageThroughput on ModifyDBInstance: it refuses the request rather than ignore them.",
    ],
  ])("%s (body %s) is %i %s", async (_, body, status, code, message) => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, { headers: form, body });
    const error = parseQueryError(text);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(error).toEqual({
      xmlns: "http://rds.amazonaws.com/doc/2014-10-31/",
      type: "Sender",
      code,
      message,
      requestId: response.headers.get("x-amzn-requestid"),
    });
  });

  test("a body of bytes that are not UTF-8 is MalformedQueryString, not a crash", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, {
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0xc3]),
    });
    expect(response.status).toBe(404);
    expect(parseQueryError(text)).toMatchObject({
      code: "MalformedQueryString",
      message: "The request body is not valid UTF-8 form-encoded text.",
    });
  });

  test("a body over 1 MiB is refused without being read to its end", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, {
      headers: form,
      body: `Action=DescribeDBInstances&Version=2014-10-31&Marker=${"a".repeat(1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(parseQueryError(text).code).toBe("RequestEntityTooLarge");
  });
});

describe("AWS Query protocol over GET", () => {
  test("GET with the parameters in the query string is answered like POST", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, {
      method: "GET",
      query:
        "Action=DescribeDBInstances&Version=2014-10-31&Filters.Filter.1.Name=db-instance-id&Filters.Filter.1.Values.Value.1=production-myapp-replica-2",
    });
    expect(response.status).toBe(200);
    expect(text).toContain("<DBInstances><DBInstance><DBInstanceIdentifier>production-myapp-replica-2<");
    expect(text).not.toContain("<DBInstanceIdentifier>production-myapp<");
  });

  test("GET without Action is MissingAction", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, { method: "GET", query: "Version=2014-10-31" });
    expect(response.status).toBe(400);
    expect(parseQueryError(text).code).toBe("MissingAction");
  });
});

describe("internal failures", () => {
  test("a backend that throws is InternalFailure 500; the cause is logged with the request id, never the secret", async () => {
    const backend: RdsBackend = {
      ...unusedRdsActions(),
      describeEvents: () => [],
      describeDBInstances: () => {
        throw new Error("engine state unreadable: /var/lib/rdsdeck/state.json");
      },
    };
    const { url, logs } = await start(backend);
    const { response, text, authorization } = await signedFetch(url, {
      headers: form,
      body: "Action=DescribeDBInstances&Version=2014-10-31",
    });
    const error = parseQueryError(text);
    expect(response.status).toBe(500);
    expect(error).toMatchObject({
      type: "Receiver",
      code: "InternalFailure",
      message: "The request processing has failed because of an unknown error, exception or failure.",
    });
    expect(text).not.toContain("state.json");

    const failure = logs.find((entry) => entry.level === "error");
    expect(failure?.message).toBe("aws api request failed");
    expect(failure?.fields).toMatchObject({
      requestId: error.requestId,
      method: "POST",
      path: "/",
      service: "rds",
      operation: "DescribeDBInstances",
    });
    expect(String(failure?.fields.err)).toContain("engine state unreadable");

    const logged = JSON.stringify(
      logs.map((entry) => ({ ...entry, fields: { ...entry.fields, err: String(entry.fields.err) } })),
    );
    expect(logged).not.toContain(CREDENTIALS.secretAccessKey);
    expect(logged).not.toContain(authorization.split("Signature=")[1]);
    expect(logged.toLowerCase()).not.toContain("authorization");
  });

  test("an instance the engine filled with a wrongly typed field is InternalFailure, not a garbled answer", async () => {
    const broken = { DBInstanceIdentifier: "broken", AllocatedStorage: "20" } as unknown as DBInstance;
    const { url, logs } = await start(new InMemoryRdsBackend([broken]));
    const { response, text } = await signedFetch(url, {
      headers: form,
      body: "Action=DescribeDBInstances&Version=2014-10-31",
    });
    expect(response.status).toBe(500);
    expect(parseQueryError(text).code).toBe("InternalFailure");
    expect(String(logs.find((entry) => entry.level === "error")?.fields.err)).toContain(
      "DescribeDBInstancesResult.DBInstances[0].AllocatedStorage: expected a number",
    );
  });

  test("every request is logged once with its outcome", async () => {
    const { url, logs } = await start();
    await signedFetch(url, { headers: form, body: "Action=DescribeDBInstances&Version=2014-10-31" });
    await signedFetch(url, { headers: form, body: "Action=Nope&Version=2014-10-31" });
    const access = logs.filter((entry) => entry.message === "aws api request").map((entry) => entry.fields);
    expect(access).toMatchObject([
      { method: "POST", service: "rds", operation: "DescribeDBInstances", status: 200, errorCode: undefined },
      { method: "POST", service: "rds", status: 400, errorCode: "InvalidAction" },
    ]);
    await signedFetch(url, {
      headers: form,
      body: "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=gone",
    });
    expect(logs.at(-1)?.fields).toMatchObject({ operation: "DescribeDBInstances", errorCode: "DBInstanceNotFound" });
  });
});
