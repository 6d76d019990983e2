import { z } from "zod";
import { keyHealthSchema } from "@/lib/ai/key-pool";
import { listProviderHealth } from "@/lib/ai/provider-health";
import { route } from "@/lib/http/route";

const providerHealth = z.object({ id: z.string(), displayName: z.string(), keys: z.array(keyHealthSchema) });

export const GET = route(
  {
    auth: { role: "admin" },
    summary: "Each configured provider and its keys (masked) with their health (admins)",
    response: { status: 200, schema: z.object({ items: z.array(providerHealth) }) },
  },
  async () => Response.json({ items: listProviderHealth() }),
);
