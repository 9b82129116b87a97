import Link from "next/link";

/** Next renders this, with status 403, when a page or action calls forbidden(): signed in, but not allowed. */
export default function ForbiddenPage() {
  return (
    <section
      aria-labelledby="forbidden-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-5"
      data-testid="forbidden"
    >
      <h1 className="text-lg font-semibold text-amber-950" id="forbidden-title">
        Not allowed
      </h1>
      <p className="mt-2 text-amber-950">
        Your role does not allow this. The attempt was recorded in the audit trail; ask an admin if you need more
        access.
      </p>
      <p className="mt-4">
        <Link className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950" href="/">
          Back to the fleet overview
        </Link>
      </p>
    </section>
  );
}
