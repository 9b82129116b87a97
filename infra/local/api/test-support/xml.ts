import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });

export interface QueryError {
  readonly xmlns: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
}

/** Reads an AWS Query `<ErrorResponse>` strictly: a test fails if the envelope is not exactly that shape. */
export function parseQueryError(xml: string): QueryError {
  const document: unknown = parser.parse(xml);
  const root = (document as { ErrorResponse?: Record<string, unknown> }).ErrorResponse;
  if (root === undefined) throw new Error(`not an ErrorResponse: ${xml}`);
  const error = root.Error as Record<string, string>;
  expectKeys(Object.keys(root), ["@_xmlns", "Error", "RequestId"], xml);
  expectKeys(Object.keys(error), ["Type", "Code", "Message"], xml);
  return {
    xmlns: String(root["@_xmlns"]),
    type: String(error.Type),
    code: String(error.Code),
    message: String(error.Message),
    requestId: String(root.RequestId),
  };
}

function expectKeys(actual: string[], expected: string[], xml: string): void {
  if ([...actual].sort().join(",") !== [...expected].sort().join(","))
    throw new Error(`unexpected elements ${actual.join(",")} in ${xml}`);
}
