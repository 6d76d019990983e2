import { aiRuntime } from "@/lib/ai/runtime";
import { route } from "@/lib/http/route";

// GET /api/v1/health/providers — each configured provider and its keys (masked) with their health (admins)
export const GET = route({ auth: { role: "admin" } }, async () => {
  const { registry, pools } = aiRuntime();
  const providers = [...pools.entries()].map(([id, pool]) => ({
    id,
    displayName: registry.providers[id].displayName,
    keys: pool.snapshot(),
  }));
  return Response.json({ providers });
});
