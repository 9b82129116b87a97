/**
 * CloudWatch's three wire protocols and its operation inputs, fed what any
 * client could send: every answer is a success or an AWS error below 500, in
 * the protocol the request spoke, and parameter errors name the parameter.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { cbor } from "@smithy/core/cbor";
import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { checkProperty } from "@/test-support/fuzz";
import { junkText, modelValue, toCborValue, toJsonText, toQueryParams } from "../test-support/model-inputs";
import { awsRequest, expectRefusalNamesParameter, serviceAnswer } from "../test-support/service-answer";
import { CLOUDWATCH_API_VERSION, cloudWatchOperations, createCloudWatchService } from "./cloudwatch-service";
import { SERVICE_TARGET } from "./protocols/detect-protocol";
import { cloudWatchTestBackend } from "./test-support/cloudwatch-test-server";

const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-cw-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const backend = cloudWatchTestBackend(dir, Date.now);
const service = createCloudWatchService(backend);
const operations = cloudWatchOperations(backend);

const CBOR_HEADERS: Array<[string, string]> = [
  ["smithy-protocol", "rpc-v2-cbor"],
  ["content-type", "application/cbor"],
];
const JSON_TYPE = "application/x-amz-json-1.0";
const FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

/** Per protocol, how many generated calls succeeded: a property that only ever sees refusals proves little. */
const served = { json: 0, cbor: 0, query: 0 };
afterAll(() => {
  for (const [protocol, count] of Object.entries(served)) expect(count, `${protocol} successes`).toBeGreaterThan(0);
});

const operationNamed = (action: string) => operations.find((o) => o.action === action);

/**
 * The names a refusal may quote: the operation's parameters, and "request"
 * for a body that is not an object at all (a JSON string, a CBOR number),
 * which has no parameter to name.
 */
function parameterNames(action: string): string[] {
  const members = [...(operationNamed(action)?.inputShape.structIterator() ?? [])].map(([name]) => name);
  return ["Action", "Version", "request", ...members];
}

/** An operation of the model with an input generated from its shape, or (rarely) an unknown operation. */
const call = fc
  .oneof({ weight: 9, arbitrary: fc.constantFrom(...operations) }, { weight: 1, arbitrary: fc.constant(undefined) })
  .chain((operation) =>
    fc.record({
      action: operation ? fc.constant(operation.action) : fc.oneof(junkText, fc.constant("DescribeAnomalyDetectors")),
      input: operation ? modelValue(operation.inputShape) : fc.constant({}),
    }),
  );

test("AWS JSON 1.0: never a 5xx; errors in JSON; parameter errors name the parameter", async () => {
  await checkProperty(
    "CloudWatch: JSON 1.0 requests",
    fc.asyncProperty(
      call,
      fc.oneof({ weight: 9, arbitrary: fc.constant(SERVICE_TARGET) }, { weight: 1, arbitrary: junkText }),
      fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junkText }),
      async ({ action, input }, prefix, rawBody) => {
        const request = awsRequest({
          headers: new Map([
            ["x-amz-target", `${prefix}.${action}`],
            ["content-type", JSON_TYPE],
          ]),
          body: rawBody ?? toJsonText(input),
        });
        const answer = await serviceAnswer(service, request);
        if (answer.ok) return void served.json++;
        expect(answer.response.contentType).toBe(JSON_TYPE);
        expectRefusalNamesParameter(answer.error, parameterNames(action));
      },
    ),
  );
});

test("RPC v2 CBOR: never a 5xx; errors in CBOR; parameter errors name the parameter", async () => {
  await checkProperty(
    "CloudWatch: RPC v2 CBOR requests",
    fc.asyncProperty(
      call,
      fc.boolean(),
      fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.uint8Array() }),
      async ({ action, input }, withProtocolHeader, rawBody) => {
        const request = awsRequest({
          // A path is bytes on the wire: a lone surrogate cannot get there, U+FFFD stands in for it.
          path: `/service/${SERVICE_TARGET}/operation/${encodeURIComponent(action.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`,
          headers: new Map(withProtocolHeader ? CBOR_HEADERS : CBOR_HEADERS.slice(1)),
          body: Buffer.from(rawBody ?? cbor.serialize(toCborValue(input))),
        });
        const answer = await serviceAnswer(service, request);
        if (answer.ok) return void served.cbor++;
        expect(answer.response.contentType).toBe("application/cbor");
        expect(cbor.deserialize(answer.response.body as Uint8Array)).toMatchObject({ message: expect.any(String) });
        expectRefusalNamesParameter(answer.error, parameterNames(action));
      },
    ),
  );
});

test("AWS Query: never a 5xx; errors in XML; parameter errors name the parameter", async () => {
  await checkProperty(
    "CloudWatch: Query requests",
    fc.asyncProperty(call, fc.boolean(), async ({ action, input }, inQueryString) => {
      const shape = operationNamed(action)?.inputShape;
      const params = shape ? toQueryParams(shape, input) : [];
      const form = new URLSearchParams([["Action", action], ["Version", CLOUDWATCH_API_VERSION], ...params]).toString();
      const request = inQueryString
        ? awsRequest({ method: "GET", rawQuery: form })
        : awsRequest({ body: form, headers: new Map([["content-type", FORM_TYPE]]) });
      const answer = await serviceAnswer(service, request);
      if (answer.ok) return void served.query++;
      expect(answer.response.contentType).toBe("text/xml");
      expectRefusalNamesParameter(answer.error, parameterNames(action));
    }),
  );
});

test("bodies and routing: any encoding, path and target header is answered below 500", async () => {
  const listMetrics = Buffer.from(JSON.stringify({ Namespace: "AWS/RDS" }));
  await checkProperty(
    "CloudWatch: request bodies (gzip, protocol detection)",
    fc.asyncProperty(
      fc.constantFrom("gzip", "GZIP", "identity", "", "deflate", "br, gzip", undefined),
      fc.oneof(
        fc.constant(gzipSync(listMetrics)),
        fc.constant(listMetrics),
        fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
        fc.constant(gzipSync(Buffer.alloc(5 * 1024 * 1024))),
      ),
      fc.constantFrom("/", "/service/", `/service/${SERVICE_TARGET}/operation/`, "/notifications", "/x/../"),
      fc.option(fc.oneof(fc.constant(`${SERVICE_TARGET}.ListMetrics`), junkText), { nil: undefined }),
      fc.constantFrom("GET", "POST", "PUT"),
      async (encoding, body, urlPath, target, method) => {
        const headers = new Map<string, string>([["content-type", JSON_TYPE]]);
        if (encoding !== undefined) headers.set("content-encoding", encoding);
        if (target !== undefined) headers.set("x-amz-target", target);
        await serviceAnswer(service, awsRequest({ method, path: urlPath, headers, body }));
      },
    ),
  );
});
