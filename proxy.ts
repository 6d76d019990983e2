// Runs before Next routes a request. Two jobs:
// - a path whose percent-encoding does not decode (`/api/v1/conversations/%E0%A4`) fails inside
//   Next's router, which then answers a bare-text 500; here it gets a 400 instead — the API's
//   JSON error under /api, a short page elsewhere;
// - a page request carries its own path to the server components (they are not told it), so a
//   signed-out visit to a deep link can come back to it after sign-in.
import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorStatus, type ErrorBody } from "@/lib/errors";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (decodes(pathname)) {
    if (isApi) return NextResponse.next();
    // Always set here, so a value a client sent is replaced, never believed.
    const headers = new Headers(request.headers);
    headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }
  const error = new AppError("invalid_path", "The URL path has malformed percent-encoding (a % not followed by a valid UTF-8 byte sequence).");
  const status = errorStatus[error.code];
  if (!isApi) {
    return new NextResponse(`${error.message} Check the address.`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return NextResponse.json(body, { status });
}

// Not for the build's own static files, which never carry user-written paths.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
