import { PageNotice } from "@/components/page-notice";

export default function NotFoundPage() {
  return (
    <PageNotice back={{ href: "/", label: "Back to the fleet overview" }} testId="not-found" title="Page not found">
      There is no page at this address.
    </PageNotice>
  );
}
