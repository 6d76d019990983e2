// Runs before Next routes a request. Its one job: a path whose percent-encoding does not decode
// (`/api/v1/conversations/%E0%A4`) fails inside Next's router, which then answers a bare-text
// 500; here it gets a 400 instead — the API's JSON error under /api, a short page elsewhere.
// Everything else passes straight through.
import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorStatus, type ErrorBody } from "@/lib/errors";

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (decodes(pathname)) return NextResponse.next();
  const error = new AppError("invalid_path", "The URL path has malformed percent-encoding (a % not followed by a valid UTF-8 byte sequence).");
  const status = errorStatus[error.code];
  if (!pathname.startsWith("/api/")) {
    return new NextResponse(`${error.message} Check the address.`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return NextResponse.json(body, { status });
}

// Not for the build's own static files, which never carry user-written paths.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
