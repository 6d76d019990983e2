import type { Metadata } from "next";
import { VerifyForm } from "@/components/auth/verify-form";
import { firstParam, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { email } = await searchParams;
  return <VerifyForm initialEmail={firstParam(email) ?? ""} />;
}
