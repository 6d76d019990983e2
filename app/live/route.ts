import { liveHandler } from "@/lib/health/handlers";

// GET /live — the process is up
export const GET = liveHandler;
