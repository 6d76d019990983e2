// POST /api/bench/floor — the floor `npm run bench` measures the chat route against: the least a
// Next route handler can do for a turn (read the request, call the provider, relay its stream),
// so what the app adds on top of Next itself shows. It is a route only in the bench's build
// (BENCH_FLOOR=1 adds the `bench.ts` page extension in next.config.ts); a normal build leaves
// this file out. Deliberately bare (no route() wrapper): anything more would raise the floor.
import { providerEnv } from "@/lib/env";

export async function POST(req: Request) {
  const upstream = await fetch(`${providerEnv.providers.openai_compatible.baseURL}/chat/completions`, {
    method: "POST",
    // The caller's own provider key: the floor holds no secret of the server's.
    headers: { "content-type": "application/json", authorization: req.headers.get("authorization") ?? "" },
    body: await req.text(),
    signal: req.signal,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { "content-type": upstream.headers.get("content-type") ?? "text/event-stream" } });
}
