// Query strings on the auth pages: they carry the email from one step to the next.
export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A path with its query, leaving out empty values. */
export function hrefWithQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Any origin will do: only whether resolving the value leaves it is asked. */
const PROBE_ORIGIN = "https://baatcheet.invalid";

/**
 * Only paths on this site, so a crafted sign-in link cannot send someone elsewhere afterwards.
 * The value is resolved the way the browser will resolve it (the URL parser drops tabs and
 * newlines and reads `\` as `/`, so `/\t/evil.example` is a host), and kept only if the origin
 * does not change; what is returned is the parsed path, never the raw input.
 */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value?.startsWith("/")) return "/chat";
  let resolved: URL;
  try {
    resolved = new URL(value, PROBE_ORIGIN);
  } catch {
    return "/chat";
  }
  if (resolved.origin !== PROBE_ORIGIN) return "/chat";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
