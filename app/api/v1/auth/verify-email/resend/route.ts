import { resendVerification } from "@/lib/auth/service";
import { mailCodeRoute } from "../../mail-code-route";

export const POST = mailCodeRoute("Send a new verification code (same answer whether or not the account exists)", resendVerification);
