import type { NextConfig } from "next";

const isProduction = process.env.NODE_ENV === "production";
/**
 * BENCH_FLOOR=1 at build time (only `npm run bench` sets it) also routes `*.bench.ts` files: the
 * bench's floor route, which must not exist in a normal build.
 */
const benchFloor = process.env.BENCH_FLOOR === "1";

// Next injects inline bootstrap scripts, so scripts need 'unsafe-inline' (and eval in dev for
// fast refresh); everything else is locked to our own origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), geolocation=(), microphone=(self)" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: ["tsx", "ts", "jsx", "js", ...(benchFloor ? ["bench.ts"] : [])],
  // `npm test` and CI run `tsc --noEmit` as their first step; checking again inside every build
  // only adds time.
  typescript: { ignoreBuildErrors: true },
  // Kept out of the bundle: PGlite ships WASM and data files that must load from node_modules.
  // sharp and tesseract.js load native or WASM files from their own folders at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "sharp",
    "tesseract.js",
    "tesseract.js-core",
    // PDF exports: its layout engine (yoga, WASM) and fontkit load as plain Node modules.
    "@react-pdf/renderer",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
