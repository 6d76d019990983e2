import { requestSignInCode } from "@/lib/auth/service";
import { mailCodeRoute } from "../../mail-code-route";

export const POST = mailCodeRoute("Email a one-time sign-in code (same answer whether or not the account exists)", requestSignInCode);
