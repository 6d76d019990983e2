import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./auth-config";

// Lazy config: evaluated on the first request, never during `next build`.
export const { handlers, auth } = NextAuth(() => authConfig());
