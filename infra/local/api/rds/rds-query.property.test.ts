/**
 * The RDS API's Query parsing and operation inputs, fed what any client could
 * send: every answer is a success or an AWS error below 500 in RDS's XML, and
 * parameter errors name the parameter.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { checkProperty } from "@/test-support/fuzz";
import { fuzzRdsBackend } from "../test-support/fuzz-rds-backend";
import { junkText, modelValue, toQueryParams } from "../test-support/model-inputs";
import { awsRequest, expectRefusalNamesParameter, serviceAnswer } from "../test-support/service-answer";
import { createRdsService, RDS_API_VERSION, rdsOperations } from "./rds-service";

const backend = fuzzRdsBackend();
const service = createRdsService(backend);
const operations = rdsOperations(backend);
const FORM = new Map([["content-type", "application/x-www-form-urlencoded; charset=utf-8"]]);

/** Every parameter name a client could use for an operation, as the refusal should quote it. */
function parameterNames(action: string): string[] {
  const operation = operations.find((o) => o.action === action);
  if (operation === undefined) return ["Action"];
  return ["Action", "Version", ...[...operation.inputShape.structIterator()].map(([name]) => name)];
}

const pairText = fc.oneof(
  junkText,
  fc.constantFrom("Action", "Version", "Filters.Filter.1.Name", "Filters.Filter.0.Name", "Filters.Filter.x.Name"),
);
const rawForm = fc.oneof(
  fc.array(fc.tuple(pairText, junkText), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.string({ unit: "binary-ascii", maxLength: 200 }),
  fc.constantFrom("%", "%E0%A4%A", "a=%ZZ", "Action=%FF", "&&&=", "=", "+"),
);

test("raw form bodies and query strings: never a 5xx; every refusal in RDS's XML", async () => {
  await checkProperty(
    "RDS Query: form-encoded parameters",
    fc.asyncProperty(
      fc.constantFrom("POST", "GET"),
      rawForm,
      fc.oneof(
        rawForm.map((t) => Buffer.from(t, "latin1")),
        fc.uint8Array({ maxLength: 64 }).map(Buffer.from),
      ),
      async (method, rawQuery, body) => {
        const answer = await serviceAnswer(service, awsRequest({ method, rawQuery, body, headers: FORM }));
        if (!answer.ok) expect(answer.response.contentType).toBe("text/xml");
      },
    ),
  );
});

const operationCall = fc
  .oneof({ weight: 9, arbitrary: fc.constantFrom(...operations) }, { weight: 1, arbitrary: fc.constant(undefined) })
  .chain((operation) =>
    fc.record({
      action: operation ? fc.constant(operation.action) : fc.oneof(junkText, fc.constant("DescribeDBClusters")),
      version: fc.oneof({ weight: 9, arbitrary: fc.constant(RDS_API_VERSION) }, { weight: 1, arbitrary: junkText }),
      params: operation
        ? modelValue(operation.inputShape).map((value) => toQueryParams(operation.inputShape, value))
        : fc.constant([] as Array<[string, string]>),
    }),
  );

test("operation inputs from the RDS model: never a 5xx; parameter errors name the parameter", async () => {
  const callsBefore = backend.calls;
  await checkProperty(
    "RDS Query: operation inputs",
    fc.asyncProperty(operationCall, fc.boolean(), async ({ action, version, params }, inQueryString) => {
      const form = new URLSearchParams([["Action", action], ["Version", version], ...params]).toString();
      const request = inQueryString
        ? awsRequest({ method: "GET", rawQuery: form })
        : awsRequest({ body: form, headers: FORM });
      const answer = await serviceAnswer(service, request);
      if (!answer.ok) expectRefusalNamesParameter(answer.error, parameterNames(action));
      else expect(String(answer.response.body)).toContain(`<${action}Response`);
    }),
  );
  // Not every input may be refused: a property that only ever tests the refusals proves little.
  expect(backend.calls).toBeGreaterThan(callsBefore);
});
