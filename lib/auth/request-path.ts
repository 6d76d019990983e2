/** The page's own path and query, written by proxy.ts for server components (Next does not give them the URL). */
export const REQUEST_PATH_HEADER = "x-baatcheet-path";
