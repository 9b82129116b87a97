import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK runs only on the server; loading it with Node's own resolver
  // keeps its Node-specific pieces (credential providers, HTTP handler) intact
  // and the build shorter.
  serverExternalPackages: ["@aws-sdk/client-rds", "@aws-sdk/client-cloudwatch"],
  experimental: {
    // forbidden(): a page or server action the signed-in role may not use answers 403 (app/forbidden.tsx).
    authInterrupts: true,
  },
};

export default nextConfig;
