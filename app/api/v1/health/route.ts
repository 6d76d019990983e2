import { healthHandler } from "@/lib/health/handlers";

export const GET = healthHandler;
