import { createHash } from "node:crypto";
import { DescribeDBInstancesCommand, RDSServiceException } from "@aws-sdk/client-rds";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterEach, describe, expect, test } from "vitest";
import { fleetInstances, InMemoryRdsBackend } from "../test-support/fleet-fixture";
import { FORM_CONTENT_TYPE, formBody, signedFetch } from "../test-support/signed-fetch";
import { CREDENTIALS, REGION, startTestServer, type TestServer } from "../test-support/test-server";
import { parseQueryError } from "../test-support/xml";
import { NodeSha256 } from "./node-sha256";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: { now?: () => Date } = {}) {
  server = await startTestServer(new InMemoryRdsBackend(fleetInstances()), options);
  return server;
}

async function sdkError(promise: Promise<unknown>): Promise<RDSServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RDSServiceException)) throw new Error(`expected an RDS error, got ${String(error)}`);
  return error;
}

const describeBody = formBody({ Action: "DescribeDBInstances", Version: "2014-10-31" });
const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

describe("SigV4 verification through @aws-sdk/client-rds", () => {
  test("a client with the wrong secret gets SignatureDoesNotMatch, 403", async () => {
    const { client } = await start();
    const error = await sdkError(
      client({ credentials: { ...CREDENTIALS, secretAccessKey: "wrong" } }).send(new DescribeDBInstancesCommand({})),
    );
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.message).toBe(SIGNATURE_MISMATCH);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  test("an unknown access key gets InvalidClientTokenId, 403", async () => {
    const { client } = await start();
    const error = await sdkError(
      client({ credentials: { ...CREDENTIALS, accessKeyId: "AKIAUNKNOWN000000000" } }).send(
        new DescribeDBInstancesCommand({}),
      ),
    );
    expect(error.name).toBe("InvalidClientTokenId");
    expect(error.message).toBe("The security token included in the request is invalid.");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  test("session credentials are not ones this endpoint issued: InvalidClientTokenId", async () => {
    const { client } = await start();
    const error = await sdkError(
      client({ credentials: { ...CREDENTIALS, sessionToken: "FwoGZXIvYXdzE" } }).send(
        new DescribeDBInstancesCommand({}),
      ),
    );
    expect(error.name).toBe("InvalidClientTokenId");
  });

  test("a signature scoped to another region is rejected", async () => {
    const { client } = await start();
    const error = await sdkError(client({ region: "eu-west-1" }).send(new DescribeDBInstancesCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.message).toBe(
      "Credential should be scoped to a valid region, not 'eu-west-1'. This endpoint serves 'us-east-1'.",
    );
  });
});

describe("SigV4 verification on the wire", () => {
  test("a request without Authorization is MissingAuthenticationToken, 403, with the request id in header and body", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`, {
      method: "POST",
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
    });
    const error = parseQueryError(await response.text());
    expect(response.status).toBe(403);
    expect(error).toEqual({
      xmlns: "http://rds.amazonaws.com/doc/2014-10-31/",
      type: "Sender",
      code: "MissingAuthenticationToken",
      message: "Request is missing Authentication Token",
      requestId: response.headers.get("x-amzn-requestid"),
    });
    expect(error.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test.each([
    ["an unknown algorithm", "AWS4-HMAC-SHA512 Credential=x, SignedHeaders=host, Signature=00"],
    ["a bearer token", "Bearer abc"],
    [
      "no Signature",
      `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/us-east-1/rds/aws4_request, SignedHeaders=host`,
    ],
    ["a short Credential", "AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1, SignedHeaders=host, Signature=00"],
  ])("an Authorization header with %s is IncompleteSignature, 400", async (_, authorization) => {
    const { url } = await start();
    const response = await fetch(`${url}/`, {
      method: "POST",
      headers: { "content-type": FORM_CONTENT_TYPE, authorization, "x-amz-date": "20250101T000000Z" },
      body: describeBody,
    });
    expect(response.status).toBe(400);
    expect(parseQueryError(await response.text()).code).toBe("IncompleteSignature");
  });

  test("a body changed after signing is SignatureDoesNotMatch", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      tamperedBody: `${describeBody}&DBInstanceIdentifier=production-myapp`,
    });
    expect(response.status).toBe(403);
    expect(parseQueryError(text)).toMatchObject({ code: "SignatureDoesNotMatch", message: SIGNATURE_MISMATCH });
  });

  test("a signature scoped to a service this endpoint does not serve is rejected", async () => {
    const { url } = await start();
    const { response, text } = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      service: "ec2",
    });
    expect(response.status).toBe(403);
    expect(parseQueryError(text)).toMatchObject({
      code: "SignatureDoesNotMatch",
      message: "Credential should be scoped to correct service: 'rds'.",
    });
  });

  test("a signed request sent a second time is refused as a replay; signed afresh, the same call is answered", async () => {
    const { url } = await start();
    const signingDate = new Date();
    const once = () =>
      signedFetch(url, {
        headers: { "content-type": FORM_CONTENT_TYPE, "amz-sdk-invocation-id": "0b7a4a8e-replayed" },
        body: describeBody,
        signingDate,
      });
    const first = await once();
    expect(first.response.status).toBe(200);
    const replayed = await once();
    expect(replayed.authorization).toBe(first.authorization);
    expect(replayed.response.status).toBe(403);
    expect(parseQueryError(replayed.text)).toMatchObject({
      code: "SignatureDoesNotMatch",
      message: expect.stringContaining("Signature already used"),
    });
    const fresh = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      signingDate,
    });
    expect(fresh.response.status).toBe(200);
  });

  test("the SDK may send the very same call twice at once: each invocation is signed apart", async () => {
    const { client } = await start();
    const rds = client();
    const answers = await Promise.all([1, 2, 3].map(() => rds.send(new DescribeDBInstancesCommand({}))));
    expect(answers.map((a) => a.$metadata.httpStatusCode)).toEqual([200, 200, 200]);
  });

  test("a signature more than 15 minutes old has expired", async () => {
    const now = new Date("2025-06-01T12:00:00Z");
    const { url } = await start({ now: () => now });
    const { response, text } = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      signingDate: new Date("2025-06-01T11:44:00Z"),
    });
    expect(response.status).toBe(403);
    expect(parseQueryError(text)).toMatchObject({
      code: "SignatureDoesNotMatch",
      message: "Signature expired: 20250601T114400Z is now earlier than 20250601T114500Z (20250601T120000Z - 15 min.)",
    });
  });

  test("a signature more than 15 minutes in the future is not yet current", async () => {
    const now = new Date("2025-06-01T12:00:00Z");
    const { url } = await start({ now: () => now });
    const { response, text } = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      signingDate: new Date("2025-06-01T12:16:00Z"),
    });
    expect(response.status).toBe(403);
    expect(parseQueryError(text)).toMatchObject({
      code: "SignatureDoesNotMatch",
      message:
        "Signature not yet current: 20250601T121600Z is still later than 20250601T121500Z (20250601T120000Z + 15 min.)",
    });
  });

  test("a signature 14 minutes old is still accepted", async () => {
    const now = new Date("2025-06-01T12:00:00Z");
    const { url } = await start({ now: () => now });
    const { response } = await signedFetch(url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: describeBody,
      signingDate: new Date("2025-06-01T11:46:00Z"),
    });
    expect(response.status).toBe(200);
  });

  test("headers a client chooses to sign beyond the usual (user-agent, x-amz-content-sha256) are verified as listed", async () => {
    const { url } = await start();
    const { response, authorization } = await signedFetch(url, {
      headers: {
        "content-type": FORM_CONTENT_TYPE,
        "user-agent": "rdsdeck-test/1.0",
        "x-amz-content-sha256": "9f8d6d5d2b7c1f1c7c5e0d3b8b7e9a1c0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      },
      body: describeBody,
    });
    expect(authorization).toContain(
      "SignedHeaders=amz-sdk-invocation-id;content-type;host;user-agent;x-amz-content-sha256;x-amz-date,",
    );
    // The listed x-amz-content-sha256 is not the body's hash; AWS hashes the body it got, and so do we.
    expect(response.status).toBe(403);
  });

  test("signing user-agent and the body's real x-amz-content-sha256 is accepted", async () => {
    const { url } = await start();
    const { response, authorization } = await signedFetch(url, {
      headers: {
        "content-type": FORM_CONTENT_TYPE,
        "user-agent": "rdsdeck-test/1.0",
        "x-amz-content-sha256": createHash("sha256").update(describeBody).digest("hex"),
      },
      body: describeBody,
    });
    expect(authorization).toContain(
      "SignedHeaders=amz-sdk-invocation-id;content-type;host;user-agent;x-amz-content-sha256;x-amz-date,",
    );
    expect(response.status).toBe(200);
  });

  test("a request exactly as botocore / the aws CLI sends DescribeDBInstances is answered", async () => {
    const { url } = await start();
    const target = new URL(url);
    const signer = new SignatureV4({
      credentials: CREDENTIALS,
      region: REGION,
      service: "rds",
      sha256: NodeSha256,
      applyChecksum: false,
    });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: target.hostname,
      port: Number(target.port),
      path: "/",
      query: {},
      headers: { "Content-Type": FORM_CONTENT_TYPE, host: target.host },
      body: "Action=DescribeDBInstances&Version=2014-10-31",
    });
    const authorization = signed.headers.authorization ?? "";
    expect(authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/\\d{8}/us-east-1/rds/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$`,
      ),
    );
    const response = await fetch(`${url}/`, {
      method: "POST",
      headers: {
        "Content-Type": FORM_CONTENT_TYPE,
        "X-Amz-Date": signed.headers["x-amz-date"] ?? "",
        Authorization: authorization,
        "User-Agent": "aws-cli/2.27.0 md/awscrt#0.23.8 ua/2.1 os/linux#6.1 md/arch#x86_64 lang/python#3.13.2",
      },
      body: "Action=DescribeDBInstances&Version=2014-10-31",
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(text.startsWith('<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">')).toBe(
      true,
    );
    expect(text).toContain("<DBInstanceIdentifier>production-myapp-replica-2</DBInstanceIdentifier>");
    expect(text).toContain(
      `<ResponseMetadata><RequestId>${response.headers.get("x-amzn-requestid")}</RequestId></ResponseMetadata></DescribeDBInstancesResponse>`,
    );
  });
});
