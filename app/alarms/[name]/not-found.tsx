import { PageNotice } from "@/components/page-notice";

/** An alarm page for a name CloudWatch does not know (or could not be one). */
export default function AlarmNotFound() {
  return (
    <PageNotice
      back={{ href: "/alarms", label: "Back to the alarms" }}
      testId="alarm-not-found"
      title="Alarm not found"
    >
      CloudWatch has no metric alarm by that name. It may have been deleted, or the address may be mistyped.
    </PageNotice>
  );
}
