import { z } from "zod";
import { keyHealthSchema } from "@/lib/ai/key-pool";
import { listProviderHealth } from "@/lib/ai/provider-health";
import { methodsNotAllowed, route } from "@/lib/http/route";

const providerHealth = z.object({ id: z.string(), displayName: z.string(), keys: z.array(keyHealthSchema) });

export const GET = route(
  {
    auth: { role: "admin" },
    summary: "Each configured provider and its keys (masked) with their health (admins)",
    response: { status: 200, schema: z.object({ items: z.array(providerHealth) }) },
  },
  async () => Response.json({ items: listProviderHealth() }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
