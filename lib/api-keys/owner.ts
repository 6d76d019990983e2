import type { Principal } from "@/lib/auth/principal";
import type { ApiKeyOwner } from "./service";

export const ownerOf = (principal: Principal): ApiKeyOwner => ({
  userId: principal.userId,
  role: principal.role,
  tier: principal.tier,
});
