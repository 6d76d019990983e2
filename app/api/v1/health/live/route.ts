import { liveHandler } from "@/lib/health/handlers";

// GET /api/v1/health/live — the process is up
export const GET = liveHandler;
