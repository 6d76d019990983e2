import { z } from "zod";
import { enableProviderKey } from "@/lib/ai/provider-health";
import { route } from "@/lib/http/route";

const keyParams = z.object({ keyId: z.string().regex(/^[a-z_]+#\d+$/, "a key id such as groq#2") });

// POST /api/v1/health/providers/:keyId/enable — bring a dead (401) or cooling key back into rotation (admins)
export const POST = route({ auth: { role: "admin" }, params: keyParams }, async ({ params }) => {
  return Response.json({ key: enableProviderKey(params.keyId) });
});
