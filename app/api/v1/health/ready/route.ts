import { readyHandler } from "@/lib/health/handlers";

export const GET = readyHandler;
