/**
 * How a page reads what it can stand without: a read settles into its value,
 * or into an answer to show in its place (the message and hint of the domain
 * error that stopped it). Anything that is not a domain error is a bug and
 * still propagates to Next's error page.
 */
import { notFound } from "next/navigation";
import { isDomainError, NotFound, Unavailable } from "../errors";

export type Settled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly hint: string | undefined };

export type SettleOptions = {
  /**
   * Which errors become an answer: `unavailable` (the default: the service
   * is down or refused us), or any domain error (a section a misconfigured
   * instance cannot fill, such as its metrics).
   */
  settles?: "unavailable" | "any-domain-error";
  /** A NotFound means the page's own subject is gone: Next's 404 page instead of an answer. */
  notFoundPage?: true;
};

export const unavailableAnswer = (message: string, hint?: string): Settled<never> => ({ ok: false, message, hint });

export async function settle<T>(read: () => Promise<T>, options: SettleOptions = {}): Promise<Settled<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (options.notFoundPage && error instanceof NotFound) notFound();
    if (error instanceof Unavailable || (options.settles === "any-domain-error" && isDomainError(error))) {
      return unavailableAnswer(error.message, error.hint);
    }
    throw error;
  }
}

/** The value of a settled read, or `fallback` when it could not be read. */
export const valueOr = <T, F>(settled: Settled<T>, fallback: F): T | F => (settled.ok ? settled.value : fallback);
