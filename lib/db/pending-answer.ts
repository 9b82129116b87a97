/** A request waiting in a batch: what it asked, and how to answer it (once: a promise settles only once). */
export type PendingAnswer<Q, A> = Q & { resolve(answer: A): void; reject(error: unknown): void };

/** Queues `question` with `enqueue` and resolves with its own answer. */
export function awaitAnswer<Q extends object, A>(
  question: Q,
  enqueue: (item: PendingAnswer<Q, A>) => void,
): Promise<A> {
  return new Promise<A>((resolve, reject) => enqueue({ ...question, resolve, reject }));
}
