import type { Metadata } from "next";
import { isOutboxEnabled, outboxReaders } from "@/lib/mail/send";
import { VerifyForm } from "@/components/auth/verify-form";
import { firstParam, safeCallbackUrl, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { email, callbackUrl } = await searchParams;
  return (
    <VerifyForm
      initialEmail={firstParam(email) ?? ""}
      outbox={isOutboxEnabled() ? outboxReaders() : null}
      callbackUrl={safeCallbackUrl(firstParam(callbackUrl))}
    />
  );
}
