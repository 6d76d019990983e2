import { liveHandler } from "@/lib/health/handlers";
import { methodsNotAllowed } from "@/lib/http/route";

export const GET = liveHandler;

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
