import type { AwsRequest } from "../aws-request";
import { commonErrors } from "../common-errors";

/**
 * The flat `Name=value` parameters of an AWS Query request: the form body of
 * a POST (what every SDK and the aws CLI send) merged over the query string
 * (what a hand-written GET uses, and AWS accepts).
 */
export function queryParameters(request: AwsRequest): ReadonlyMap<string, string> {
  const params = new Map<string, string>();
  addFormEncoded(params, request.rawQuery);
  if (request.method === "POST" && request.body.length > 0) addFormEncoded(params, utf8(request.body));
  return params;
}

function addFormEncoded(into: Map<string, string>, text: string): void {
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const name = formDecode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : formDecode(pair.slice(equals + 1));
    // Later sources (the body) win over earlier ones (the URL).
    into.set(name, value);
  }
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw commonErrors.malformedQueryString(`The request contains an invalid percent-encoding: '${truncate(text)}'.`);
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function utf8(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw commonErrors.malformedQueryString("The request body is not valid UTF-8 form-encoded text.");
  }
}

function truncate(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
