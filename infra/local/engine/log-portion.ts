/**
 * DownloadDBLogFilePortion's reading rules over one log file:
 *
 * - no Marker: the file's last NumberOfLines lines (10,000 when not given);
 * - Marker "0" or a Marker this returned: the lines after it, up to
 *   NumberOfLines, until the end of the file;
 * - never more than 1 MB of data; AdditionalDataPending says more follows.
 *
 * A Marker is the byte offset just past the last line returned, so a client
 * that pages with it (the aws CLI's --starting-token, boto3's paginator) gets
 * every line exactly once, and one that polls with it follows the file as it
 * grows. Only whole lines are returned, except a single line longer than the
 * cap (cut, and continued on the next page) and the unterminated last line of
 * a file nothing writes to any more (`finished`).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { EngineFault } from "./fleet-ops";

/** RDS's cap on one response's LogFileData. */
export const PORTION_MAX_BYTES = 1_048_576;
/** What RDS returns without Marker and NumberOfLines: the newest 10,000 lines. */
export const DEFAULT_TAIL_LINES = 10_000;

export type LogPortionRequest = { marker?: string; numberOfLines?: number; finished: boolean };
export type LogPortion = { data: string; marker: string; pending: boolean };

const NEWLINE = 0x0a;

export function readLogPortion(file: string, request: LogPortionRequest): LogPortion {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    return request.marker === undefined
      ? readTail(fd, size, request.numberOfLines ?? DEFAULT_TAIL_LINES, request.finished)
      : readFrom(fd, size, offsetOf(request.marker, size), request.numberOfLines ?? Number.POSITIVE_INFINITY, request);
  } finally {
    closeSync(fd);
  }
}

function offsetOf(marker: string, size: number): number {
  const offset = /^\d{1,15}$/.test(marker) ? Number(marker) : Number.NaN;
  if (Number.isNaN(offset)) {
    throw new EngineFault(
      "InvalidParameterValue",
      `The Marker '${marker}' is not valid: expected "0" or a Marker this API returned.`,
    );
  }
  if (offset > size) {
    throw new EngineFault(
      "InvalidParameterValue",
      `The Marker '${marker}' is past the end of the log file (${size} bytes).`,
    );
  }
  return offset;
}

function read(fd: number, start: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, start + done);
    if (n === 0) break; // shorter than fstat said: a file cannot shrink here, but never loop on it
    done += n;
  }
  return buffer.subarray(0, done);
}

function readFrom(fd: number, size: number, start: number, limit: number, request: LogPortionRequest): LogPortion {
  const buffer = read(fd, start, Math.min(PORTION_MAX_BYTES, size - start));
  let end = 0;
  let lines = 0;
  while (lines < limit) {
    const newline = buffer.indexOf(NEWLINE, end);
    if (newline === -1) break;
    end = newline + 1;
    lines++;
  }
  const beyondBuffer = start + buffer.length < size;
  if (lines < limit && end < buffer.length) {
    if (end === 0 && buffer.length === PORTION_MAX_BYTES) end = utf8Boundary(buffer, buffer.length);
    else if (!beyondBuffer && request.finished) end = buffer.length;
  }
  const next = start + end;
  const restHasLine = buffer.indexOf(NEWLINE, end) !== -1;
  return {
    data: buffer.subarray(0, end).toString("utf8"),
    marker: String(next),
    pending: next < size && (restHasLine || beyondBuffer || request.finished),
  };
}

function readTail(fd: number, size: number, limit: number, finished: boolean): LogPortion {
  const windowStart = Math.max(0, size - PORTION_MAX_BYTES);
  const buffer = read(fd, windowStart, size - windowStart);
  // An unterminated last line is still being written, unless the file is finished.
  const end = finished ? buffer.length : buffer.lastIndexOf(NEWLINE) + 1;
  let begin = end;
  let count = 0;
  while (count < limit && begin > 0) {
    // The newline that ends the line before the one starting at `begin` (a negative offset would search from the end).
    const previous = begin >= 2 ? buffer.lastIndexOf(NEWLINE, begin - 2) : -1;
    if (previous === -1) {
      // The window's first line is whole only when the window starts the file; otherwise it does not fit the cap.
      if (windowStart === 0) {
        begin = 0;
        count++;
      }
      break;
    }
    begin = previous + 1;
    count++;
  }
  return { data: buffer.subarray(begin, end).toString("utf8"), marker: String(windowStart + end), pending: false };
}

/** Where to cut a line too long for one page: before the character the cap would split, if it splits one. */
function utf8Boundary(buffer: Buffer, at: number): number {
  let lead = at - 1;
  while (lead > 0 && ((buffer[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const byte = buffer[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead > 0 && lead + length > at ? lead : at;
}
