import "server-only";
import { DownloadDBLogFilePortionCommand, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { LogPortion } from "./log-lines";
import { getRdsClient } from "./rds-client";

type FileRef = { instance: string; fileName: string; client?: RDSClient };

async function portion(
  { instance, fileName, client = getRdsClient() }: FileRef,
  page: { Marker?: string; NumberOfLines?: number },
): Promise<LogPortion> {
  const out = await callRds({ operation: "DownloadDBLogFilePortion", identifier: instance }, () =>
    client.send(
      new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: instance, LogFileName: fileName, ...page }),
    ),
  );
  return {
    text: out.LogFileData ?? "",
    marker: out.Marker ?? page.Marker ?? "0",
    more: out.AdditionalDataPending ?? false,
  };
}

/** The newest `lines` lines of a log file, and the Marker that follows it from there. NotFound for an unknown file. */
export function tailLogFile(ref: FileRef & { lines: number }): Promise<LogPortion> {
  return portion(ref, { NumberOfLines: ref.lines });
}

/** What was written to a log file after `marker` (one page of at most 1 MB: `more` says whether another follows). */
export function readLogFileAfter(ref: FileRef & { marker: string }): Promise<LogPortion> {
  return portion(ref, { Marker: ref.marker });
}

/** A whole log file, page by page from its start, as `aws rds download-db-log-file-portion --starting-token 0` reads it. */
export async function* logFileChunks(ref: FileRef): AsyncGenerator<string> {
  let marker = "0";
  for (;;) {
    const page = await portion(ref, { Marker: marker });
    if (page.text) yield page.text;
    if (!page.more) return;
    // A page that promises more without moving on would loop forever; a download cut short must not look whole.
    if (page.marker === marker) {
      throw new Error(
        `DownloadDBLogFilePortion of ${ref.fileName} promised more data without moving its Marker (${marker})`,
      );
    }
    marker = page.marker;
  }
}
