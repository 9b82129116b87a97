import { DownloadDBLogFilePortion$, type DownloadDBLogFilePortionDetails } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  LogFileName: z.string().min(1),
  Marker: z.string().min(1).optional(),
  NumberOfLines: z.number().int("expected a whole number of lines").min(1).max(2_147_483_647).optional(),
});

/**
 * DownloadDBLogFilePortion: the last lines of a log file, or, from Marker
 * "0" or a returned Marker, the lines after it; at most 1 MB, with
 * AdditionalDataPending when more follows (the engine's log-portion.ts).
 */
export function downloadDBLogFilePortionOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DownloadDBLogFilePortion$,
    input,
    handle: (request): DownloadDBLogFilePortionDetails => {
      const portion = backend.downloadDBLogFilePortion({
        instanceId: request.DBInstanceIdentifier,
        logFileName: request.LogFileName,
        marker: request.Marker,
        numberOfLines: request.NumberOfLines,
      });
      return { ...portion, LogFileData: xmlSafe(portion.LogFileData ?? "") };
    },
  });
}

// XML 1.0 cannot carry these: one in a logged statement would break every client's parser on the whole page.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, "\uFFFD");
}
