// Every /api/ path no other route file serves: a JSON 404, like the API's own errors.
import { unknownApiRoute } from "@/lib/api/api-routes";
import { nextRoute } from "@/lib/api/next-adapter";

export const dynamic = "force-dynamic";

const handler = nextRoute(unknownApiRoute);
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
