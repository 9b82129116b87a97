// For child processes that run server code outside Next (tests that need a second app process):
// `node --import tsx --import ./test-support/server-only-outside-next.mjs`. Next resolves "server-only"
// itself; here it becomes the empty module Next ships, as vitest.config.ts aliases it.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { return next(specifier === "server-only" ? "next/dist/compiled/server-only/empty.js" : specifier, context); }',
  )}`,
);
