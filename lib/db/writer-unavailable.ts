/** The 503 a request gets while no writer answers: it says to retry soon, and keeps the driver's error as its cause for the log. */
import "server-only";
import { Unavailable } from "../errors";

export function writerUnavailable(cause: unknown): Unavailable {
  return new Unavailable("The database writer is not reachable right now; retry shortly.", {
    cause,
    retryAfterSeconds: 1,
  });
}
