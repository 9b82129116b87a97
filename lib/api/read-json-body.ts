/** A request's JSON body, or the 415, 413 or 400 that says why there is none. */
import { Invalid, UnsupportedMediaType } from "../errors";
import type { ApiRequest } from "./api-types";

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

export async function readJsonBody(req: ApiRequest): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(req.header("content-type") ?? "")) {
    throw new UnsupportedMediaType("Send the body as JSON, with Content-Type: application/json.");
  }
  const text = await req.body();
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("The body is not valid JSON.", { code: "invalid_json" });
  }
}
