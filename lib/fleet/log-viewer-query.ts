/**
 * The log viewer's query strings: the page's (`file`, `search`) and its
 * routes' (`file`, `marker`), each refusal naming its parameter.
 */
import { z } from "zod";
import { queryParam, type SearchParams } from "@/lib/query-param";
import { instanceIdentifier } from "./instance-identifier";
import { logFileName, logSearch } from "./log-file-model";

/** An RDS Marker as a client hands it back: opaque, but never more than a short token. */
const logMarker = z
  .string({ error: "expected the marker a previous read returned" })
  .regex(/^[A-Za-z0-9:._-]{1,128}$/, "expected the marker a previous read returned");

const pageQuery = z.object({ file: queryParam(logFileName), search: queryParam(logSearch) });

/** The viewer page's query: which file (the newest when absent) and what to search for. */
export function parseLogPageQuery(query: SearchParams) {
  return pageQuery.safeParse(query);
}

const oneValue = (params: URLSearchParams) => {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
};

/** `file` (required) for the download route. Throws a ZodError naming the field. */
export function parseDownloadQuery(params: URLSearchParams): { file: string } {
  return z.object({ file: queryParam(logFileName).pipe(logFileName) }).parse(oneValue(params));
}

/** `file` and `marker` (both required) for the follow route. Throws a ZodError naming the field. */
export function parseFollowQuery(params: URLSearchParams): { file: string; marker: string } {
  return z
    .object({ file: queryParam(logFileName).pipe(logFileName), marker: queryParam(logMarker).pipe(logMarker) })
    .parse(oneValue(params));
}

/** The route's `[id]` segment. Throws a ZodError naming `id`. */
export function parseInstanceSegment(id: string): string {
  return z.object({ id: instanceIdentifier }).parse({ id }).id;
}
