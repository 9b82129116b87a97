"use client";

/** Shown when a page fails for a reason lib/ did not anticipate; the details are in the server log. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  return (
    <section aria-labelledby="page-error-title" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-900">
      <h1 className="text-lg font-semibold" id="page-error-title">
        Something went wrong
      </h1>
      <p className="mt-2">
        The page could not be rendered. The server log has the details{digest ? ` (error ${digest})` : ""}.
      </p>
      <button
        className="mt-4 rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        onClick={() => retry()}
        type="button"
      >
        Try again
      </button>
    </section>
  );
}
