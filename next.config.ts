import type { NextConfig } from "next";
import { baseSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK runs only on the server; loading it with Node's own resolver
  // keeps its Node-specific pieces (credential providers, HTTP handler) intact
  // and the build shorter.
  serverExternalPackages: ["@aws-sdk/client-rds", "@aws-sdk/client-cloudwatch"],
  // On everything Next serves (static assets and route handlers too); pages also get their CSP from proxy.ts.
  // HSTS is added at run time (proxy.ts, the API), where RDSDECK_URL is known.
  async headers() {
    const headers = Object.entries(baseSecurityHeaders(false)).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
  experimental: {
    // forbidden(): a page or server action the signed-in role may not use answers 403 (app/forbidden.tsx).
    authInterrupts: true,
  },
};

export default nextConfig;
