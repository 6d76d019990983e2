import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { firstParam, safeCallbackUrl, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Sign in" };

function noticeFor(params: SearchParams): string | undefined {
  if (firstParam(params.reset) === "1") return "Password changed. Sign in with your new password.";
  return undefined;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return (
    <LoginForm
      initialEmail={firstParam(params.email) ?? ""}
      notice={noticeFor(params)}
      callbackUrl={safeCallbackUrl(firstParam(params.callbackUrl))}
    />
  );
}
