import { resendVerification } from "@/lib/auth/service";
import { mailCodeRoute } from "../../mail-code-route";
import { methodsNotAllowed } from "@/lib/http/route";

export const POST = mailCodeRoute("Send a new verification code (same answer whether or not the account exists)", resendVerification);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
