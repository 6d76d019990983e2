// Cross-site request forgery: a page on another site can make a browser send our session
// cookie with a form or multipart POST (no CORS preflight for those). Every state-changing
// request authenticated by a cookie must therefore come from our own pages. Browsers say where
// a request comes from in Sec-Fetch-Site (all current ones) and Origin (every POST); a client
// that sends neither is not a browser, so it cannot be carrying a victim's cookie by accident.
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a cookie-authenticated, state-changing request that a browser says came from another
 * site. `appOrigin` is the public origin when a proxy rewrites the host (AUTH_URL); the
 * request's own origin otherwise.
 */
export function assertSameOrigin(req: Request, appOrigin?: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const expected = appOrigin ? new URL(appOrigin).origin : new URL(req.url).origin;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const crossSite = site ? site !== "same-origin" && site !== "none" : origin !== null && origin !== expected;
  if (crossSite) {
    throw new AppError("forbidden", "This request came from another site, so it was refused. Use BaatCheet's own pages, or an API key.");
  }
}
