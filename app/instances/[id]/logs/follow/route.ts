import { guardedRoute } from "@/lib/auth/route-guard";
import { parseFollowQuery, parseInstanceSegment } from "@/lib/fleet/log-viewer-query";
import { readLogFileAfter } from "@/lib/fleet/read-log-file";
import { dashboardRouteError } from "@/lib/http/dashboard-route-error";

type Context = { params: Promise<{ id: string }> };

/** What a log file gained after `marker` (one page), as JSON `{ text, marker, more }`: the viewer's "follow". */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return guardedRoute("viewer", "follow-log-file", async () => {
    try {
      const instance = parseInstanceSegment(id);
      const { file, marker } = parseFollowQuery(new URL(request.url).searchParams);
      const portion = await readLogFileAfter({ instance, fileName: file, marker });
      return new Response(JSON.stringify(portion), {
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      });
    } catch (error) {
      return dashboardRouteError(error, { route: "follow-log-file", instance: id });
    }
  })(request);
}
