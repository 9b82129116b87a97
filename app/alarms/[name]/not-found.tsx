import Link from "next/link";

/** An alarm page for a name CloudWatch does not know (or could not be one). */
export default function AlarmNotFound() {
  return (
    <section
      aria-labelledby="not-found-title"
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid="alarm-not-found"
    >
      <h1 className="text-lg font-semibold text-slate-900" id="not-found-title">
        Alarm not found
      </h1>
      <p className="mt-2 text-slate-700">
        CloudWatch has no metric alarm by that name. It may have been deleted, or the address may be mistyped.
      </p>
      <p className="mt-4">
        <Link className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950" href="/alarms">
          Back to the alarms
        </Link>
      </p>
    </section>
  );
}
