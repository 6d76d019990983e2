// Auth.js endpoints (session, CSRF, OAuth callbacks, sign-out).
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
