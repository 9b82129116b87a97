import Link from "next/link";

export default function NotFoundPage() {
  return (
    <section
      aria-labelledby="not-found-title"
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid="not-found"
    >
      <h1 className="text-lg font-semibold text-slate-900" id="not-found-title">
        Page not found
      </h1>
      <p className="mt-2 text-slate-700">There is no page at this address.</p>
      <p className="mt-4">
        <Link className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950" href="/">
          Back to the fleet overview
        </Link>
      </p>
    </section>
  );
}
