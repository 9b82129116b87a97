import { guardedRoute } from "@/lib/auth/route-guard";
import { followLogFile } from "@/lib/fleet/follow-log-file";
import { parseFollowQuery, parseInstanceSegment } from "@/lib/fleet/log-viewer-query";
import { dashboardRouteError } from "@/lib/http/dashboard-route-error";

type Context = { params: Promise<{ id: string }> };

/**
 * What a log file gained after `marker` (one page), as JSON `{ text, marker,
 * more, file }`: the viewer's "follow". `file` is the file to ask for next: a
 * newer one, from marker "0", once the hour has rolled over.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return guardedRoute("viewer", "follow-log-file", async () => {
    try {
      const instance = parseInstanceSegment(id);
      const { file, marker } = parseFollowQuery(new URL(request.url).searchParams);
      const portion = await followLogFile({ instance, fileName: file, marker });
      return new Response(JSON.stringify(portion), {
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      });
    } catch (error) {
      return dashboardRouteError(error, { route: "follow-log-file", instance: id });
    }
  })(request);
}
