import { z } from "zod";
import { keyHealthSchema } from "@/lib/ai/key-pool";
import { enableProviderKey } from "@/lib/ai/provider-health";
import { methodsNotAllowed, route } from "@/lib/http/route";

const keyParams = z.object({ keyId: z.string().regex(/^[a-z_]+#\d+$/, "a key id such as groq#2") });

export const POST = route(
  {
    auth: { role: "admin" },
    params: keyParams,
    summary: "Bring a dead (401) or cooling key back into rotation (admins)",
    response: { status: 200, schema: z.object({ key: keyHealthSchema }) },
  },
  async ({ params }) => Response.json({ key: enableProviderKey(params.keyId) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
