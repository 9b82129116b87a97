import { PageNotice } from "@/components/page-notice";

/** An instance page for an identifier RDS does not know (or could not be one). */
export default function InstanceNotFound() {
  return (
    <PageNotice
      back={{ href: "/", label: "Back to the fleet overview" }}
      testId="instance-not-found"
      title="DB instance not found"
    >
      The RDS API lists no DB instance by that identifier. It may have been deleted, or the address may be mistyped.
    </PageNotice>
  );
}
