import { PageNotice } from "@/components/page-notice";

/** Next renders this, with status 403, when a page or action calls forbidden(): signed in, but not allowed. */
export default function ForbiddenPage() {
  return (
    <PageNotice
      back={{ href: "/", label: "Back to the fleet overview" }}
      testId="forbidden"
      title="Not allowed"
      tone="warning"
    >
      Your role does not allow this. The attempt was recorded in the audit trail; ask an admin if you need more access.
    </PageNotice>
  );
}
