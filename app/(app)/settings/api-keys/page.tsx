import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { requireUser } from "@/lib/auth/page";
import { apiKeyHourlyLimitByTier } from "@/lib/ratelimit/policies";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const principal = await requireUser();
  return (
    <div className="mx-auto w-full max-w-2xl space-y-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/settings" className="text-zinc-500 dark:text-zinc-400 hover:text-zinc-900 dark:hover:text-zinc-100">
            ← Settings
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Send a key as <code>Authorization: Bearer bc_…</code>. OpenAI clients work by setting their base URL to{" "}
          <code>/api/v1</code> on this server. See the{" "}
          <Link href="/api/docs" className="underline">
            API reference
          </Link>
          .
        </p>
      </div>
      <ApiKeysManager isAdmin={principal.role === "admin"} planLimit={apiKeyHourlyLimitByTier[principal.tier]} />
    </div>
  );
}
