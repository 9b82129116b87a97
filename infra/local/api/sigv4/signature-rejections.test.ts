/**
 * Every way a request can fail authentication, in each wire protocol the
 * endpoint speaks: the error code must be the one an AWS client of that
 * protocol expects, in that protocol's own error shape, so SDKs surface it
 * as the documented exception instead of a parse failure.
 */
import { cbor } from "@smithy/core/cbor";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type CloudWatchTestServer,
  startCloudWatchTestServer,
} from "../cloudwatch/test-support/cloudwatch-test-server";
import { FORM_CONTENT_TYPE, formBody, type SignedFetchOptions, signedFetch } from "../test-support/signed-fetch";
import { CREDENTIALS } from "../test-support/test-server";
import { parseQueryError } from "../test-support/xml";

let server: CloudWatchTestServer;
beforeAll(async () => {
  server = await startCloudWatchTestServer();
});
afterAll(async () => server?.close());

interface WireRequest {
  readonly service: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array<ArrayBuffer>;
  /** The same request with one parameter more: what an attacker would change. */
  readonly tampered: string | Uint8Array<ArrayBuffer>;
  /** The error, read from the response the way that protocol's clients read it. */
  error(bytes: Uint8Array): { code: string; message: string };
}

/** JSON 1.0 and RPC v2 CBOR carry the code in `__type` and the text in `message`. */
function shapeError(decoded: unknown): { code: string; message: string } {
  const { __type, message } = decoded as { __type: string; message: string };
  return { code: __type, message };
}

const cborBytes = (value: unknown) => Uint8Array.from(cbor.serialize(value));

const protocols: Record<string, WireRequest> = {
  "RDS (Query)": {
    service: "rds",
    path: "/",
    headers: { "content-type": FORM_CONTENT_TYPE },
    body: formBody({ Action: "DescribeDBInstances", Version: "2014-10-31" }),
    tampered: formBody({ Action: "DescribeDBInstances", Version: "2014-10-31", DBInstanceIdentifier: "other" }),
    error: (bytes) => parseQueryError(new TextDecoder().decode(bytes)),
  },
  "CloudWatch (JSON 1.0)": {
    service: "monitoring",
    path: "/",
    headers: {
      "x-amz-target": "GraniteServiceVersion20100801.ListMetrics",
      "content-type": "application/x-amz-json-1.0",
    },
    body: "{}",
    tampered: JSON.stringify({ Namespace: "AWS/RDS" }),
    error: (bytes) => shapeError(JSON.parse(new TextDecoder().decode(bytes))),
  },
  "CloudWatch (RPC v2 CBOR)": {
    service: "monitoring",
    path: "/service/GraniteServiceVersion20100801/operation/ListMetrics",
    headers: { "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor", accept: "application/cbor" },
    body: cborBytes({}),
    tampered: cborBytes({ Namespace: "AWS/RDS" }),
    error: (bytes) => shapeError(cbor.deserialize(bytes)),
  },
};

const MINUTE = 60_000;

describe.each(Object.entries(protocols))("%s", (_, wire) => {
  const signed = (options: Partial<SignedFetchOptions> = {}) =>
    signedFetch(server.url, {
      path: wire.path,
      headers: wire.headers,
      body: wire.body,
      service: wire.service,
      ...options,
    });

  test("a correctly signed request is served (the baseline the rejections below depart from)", async () => {
    const { response } = await signed();
    expect(response.status).toBe(200);
  });

  test("an unsigned request is MissingAuthenticationToken, 403", async () => {
    const response = await fetch(`${server.url}${wire.path}`, {
      method: "POST",
      headers: wire.headers,
      body: wire.body,
    });
    expect(response.status).toBe(403);
    expect(wire.error(new Uint8Array(await response.arrayBuffer())).code).toBe("MissingAuthenticationToken");
  });

  test("an Authorization header without Signature is IncompleteSignature, 400", async () => {
    const response = await fetch(`${server.url}${wire.path}`, {
      method: "POST",
      headers: {
        ...wire.headers,
        "x-amz-date": "20250101T000000Z",
        authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/us-east-1/${wire.service}/aws4_request, SignedHeaders=host`,
      },
      body: wire.body,
    });
    expect(response.status).toBe(400);
    expect(wire.error(new Uint8Array(await response.arrayBuffer())).code).toBe("IncompleteSignature");
  });

  test("a request signed with the wrong secret is SignatureDoesNotMatch, 403", async () => {
    const { response, bytes } = await signed({ credentials: { ...CREDENTIALS, secretAccessKey: "not-the-secret" } });
    expect(response.status).toBe(403);
    expect(wire.error(bytes).code).toBe("SignatureDoesNotMatch");
  });

  test("a request signed with an unknown access key is InvalidClientTokenId, 403", async () => {
    const { response, bytes } = await signed({ credentials: { ...CREDENTIALS, accessKeyId: "AKIAUNKNOWN000000000" } });
    expect(response.status).toBe(403);
    expect(wire.error(bytes).code).toBe("InvalidClientTokenId");
  });

  // Query and JSON services (STS, SNS, RDS, CloudWatch) answer a stale signature with SignatureDoesNotMatch
  // and a "Signature expired" message; RequestExpired is EC2's code, which no RDS or CloudWatch client expects.
  test("a request whose X-Amz-Date is 20 minutes old is SignatureDoesNotMatch (signature expired), 403", async () => {
    const { response, bytes } = await signed({ signingDate: new Date(Date.now() - 20 * MINUTE) });
    expect(response.status).toBe(403);
    expect(wire.error(bytes)).toMatchObject({
      code: "SignatureDoesNotMatch",
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than /),
    });
  });

  test("a body changed after signing is SignatureDoesNotMatch, 403", async () => {
    const { response, bytes } = await signed({ tamperedBody: wire.tampered });
    expect(response.status).toBe(403);
    expect(wire.error(bytes).code).toBe("SignatureDoesNotMatch");
  });
});
