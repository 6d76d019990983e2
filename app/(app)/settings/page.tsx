import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { requireUser } from "@/lib/auth/page";
import { getUserOrThrow, toPublicUser } from "@/lib/auth/service";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

const roleLabels = { user: "User", moderator: "Moderator", admin: "Admin" } as const;
const tierLabels = { free: "Free", pro: "Pro", enterprise: "Enterprise" } as const;

export default async function SettingsPage() {
  const principal = await requireUser();
  const user = toPublicUser(await getUserOrThrow(principal.userId));
  return (
    <div className="mx-auto w-full max-w-2xl space-y-8 px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>

      <SettingsSection id="account" title="Account" description="Who you are signed in as.">
        <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {user.name && <AccountRow label="Name">{user.name}</AccountRow>}
          <AccountRow label="Email">
            <span data-testid="settings-email">{user.email}</span>
          </AccountRow>
          <AccountRow label="Role">{roleLabels[user.role]}</AccountRow>
          <AccountRow label="Plan">{tierLabels[user.tier]}</AccountRow>
        </dl>
      </SettingsSection>

      <SettingsSection id="password" title="Change password" description="Changing it signs you out everywhere else.">
        <ChangePasswordForm />
      </SettingsSection>

      <SettingsSection
        id="sessions"
        title="Sessions"
        description="Signed in on a computer you no longer use? End every session of this account; API keys keep working."
      >
        <SignOutEverywhere />
      </SettingsSection>

      <SettingsSection id="api-keys" title="API keys" description="Keys let your own apps and OpenAI clients call BaatCheet.">
        <Link href="/settings/api-keys" className="text-sm font-medium underline" data-testid="settings-api-keys-link">
          Manage API keys
        </Link>
      </SettingsSection>
    </div>
  );
}

interface SettingsSectionProps {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}

function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Card className="p-6">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
        {children}
      </Card>
    </section>
  );
}

function AccountRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:gap-4">
      <dt className="w-24 shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words font-medium">{children}</dd>
    </div>
  );
}
