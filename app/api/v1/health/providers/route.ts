import { listProviderHealth } from "@/lib/ai/provider-health";
import { route } from "@/lib/http/route";

// GET /api/v1/health/providers — each configured provider and its keys (masked) with their health (admins)
export const GET = route({ auth: { role: "admin" } }, async () => {
  return Response.json({ providers: listProviderHealth() });
});
