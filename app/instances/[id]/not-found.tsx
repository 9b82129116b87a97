import Link from "next/link";

/** An instance page for an identifier RDS does not know (or could not be one). */
export default function InstanceNotFound() {
  return (
    <section
      aria-labelledby="not-found-title"
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid="instance-not-found"
    >
      <h1 className="text-lg font-semibold text-slate-900" id="not-found-title">
        DB instance not found
      </h1>
      <p className="mt-2 text-slate-700">
        The RDS API lists no DB instance by that identifier. It may have been deleted, or the address may be mistyped.
      </p>
      <p className="mt-4">
        <Link className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950" href="/">
          Back to the fleet overview
        </Link>
      </p>
    </section>
  );
}
