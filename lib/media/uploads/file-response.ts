// Serves a stored upload (or an export) to its owner. The sandbox CSP and nosniff keep a hostile
// file (an SVG smuggled into a PDF, say) from running as a page of ours even if a browser opens
// it directly. `attachment` makes the browser save it (exports) instead of showing it.
export function fileResponse(file: { bytes: Uint8Array; mime: string; name: string; disposition?: "inline" | "attachment" }): Response {
  const { bytes, mime, name, disposition = "inline" } = file;
  const asciiName = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Blob([new Uint8Array(bytes)], { type: mime }), {
    headers: {
      "content-type": mime,
      "content-length": String(bytes.length),
      "content-disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, max-age=300",
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}
