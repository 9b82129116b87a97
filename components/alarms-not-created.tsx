import Link from "next/link";

/** Shown on the page of an instance just created when the alarms its siblings have could not be made for it. */
export function AlarmsNotCreated({ identifier, role }: { identifier: string; role: "writer" | "replica" }) {
  return (
    <p
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="alarms-not-created"
      role="status"
    >
      {identifier} was requested, but the alarms the fleet's other instances have (free storage
      {role === "replica" ? ", replica lag" : ""}) could not be created for it: CloudWatch did not answer, and the
      server log says why. Create them under{" "}
      <Link className="underline underline-offset-2" href="/alarms">
        Alarms
      </Link>
      .
    </p>
  );
}
