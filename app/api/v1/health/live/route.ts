import { liveHandler } from "@/lib/health/handlers";

export const GET = liveHandler;
