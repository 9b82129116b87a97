import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK runs only on the server; loading it with Node's own resolver
  // keeps its Node-specific pieces (credential providers, HTTP handler) intact
  // and the build shorter.
  serverExternalPackages: ["@aws-sdk/client-rds", "@aws-sdk/client-cloudwatch"],
};

export default nextConfig;
