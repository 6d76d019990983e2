import { readyHandler } from "@/lib/health/handlers";

// GET /ready — 503 until the database answers and migrations are applied
export const GET = readyHandler;
