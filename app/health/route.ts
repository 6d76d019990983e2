import { healthHandler } from "@/lib/health/handlers";

// GET /health — status, version, uptime; ?detailed=true adds the database and each configured backend with latency
export const GET = healthHandler;
