import { requestPasswordReset } from "@/lib/auth/service";
import { mailCodeRoute } from "../../mail-code-route";

export const POST = mailCodeRoute("Email a password reset code (same answer whether or not the account exists)", requestPasswordReset);
