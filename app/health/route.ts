import { healthRoute } from "@/lib/api/api-routes";
import { nextRoute } from "@/lib/api/next-adapter";

export const dynamic = "force-dynamic";

const handler = nextRoute(healthRoute);
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
