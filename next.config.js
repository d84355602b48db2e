/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The AWS SDK is only used by route handlers; loading it from node_modules keeps it out of the bundles.
  serverExternalPackages: ["@aws-sdk/client-lambda"],
  poweredByHeader: false,
};

export default nextConfig;
