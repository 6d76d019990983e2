import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { firstParam, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Reset password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { email } = await searchParams;
  return <ForgotPasswordForm initialEmail={firstParam(email) ?? ""} />;
}
