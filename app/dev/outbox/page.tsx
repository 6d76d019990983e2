import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ensureMigrated } from "@/lib/db";
import { getPagePrincipal } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/principal";
import { isOutboxEnabled, listOutbox, outboxReaders } from "@/lib/mail/send";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { MailIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Brand } from "@/components/shell/brand";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev outbox" };

const OUTBOX_LIMIT = 50;

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isOutboxEnabled()) notFound();
  if (outboxReaders() === "admins") {
    const principal = await getPagePrincipal();
    if (!principal || !hasRole(principal, "admin")) notFound();
  }
  const { to: toParam } = await searchParams;
  // Addresses are stored trimmed and lower-cased, so the filter is too.
  const to = (typeof toParam === "string" ? toParam.trim().toLowerCase() : "") || undefined;
  await ensureMigrated();
  const mails = await listOutbox({ to, limit: OUTBOX_LIMIT });

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="flex items-center gap-3 text-xl font-semibold tracking-tight">
          <Brand />
          <span className="text-zinc-400 dark:text-zinc-500">/</span>
          Dev outbox
        </h1>
        <form method="get" role="search" className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="outbox-to" className="sr-only">
            Filter by recipient
          </label>
          <Input id="outbox-to" name="to" type="email" defaultValue={to} placeholder="Filter by recipient" className="sm:w-64" />
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
      </header>

      <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100">
        Dev outbox: mail is shown here because no SMTP server is configured (SMTP_URL).
      </p>

      {to && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Showing mail to <strong className="font-medium text-zinc-900 dark:text-zinc-100">{to}</strong>.{" "}
          <Link href="/dev/outbox" className="font-medium underline underline-offset-4">
            Show all mail
          </Link>
        </p>
      )}

      {mails.length === 0 ? (
        <Card className="flex flex-col items-center gap-2 px-6 py-12 text-center">
          <MailIcon className="size-6 text-zinc-400 dark:text-zinc-500" />
          <p className="font-medium">No mail yet</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Codes for sign-up, sign-in and password resets appear here as soon as they are sent.
          </p>
        </Card>
      ) : (
        <ol className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} data-testid="outbox-mail">
              <Card className="p-5">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h2 className="font-semibold">{mail.subject}</h2>
                  <time dateTime={mail.createdAt.toISOString()} className="text-xs text-zinc-500 dark:text-zinc-400">
                    {timeFormat.format(mail.createdAt)} UTC
                  </time>
                </div>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">To: {mail.to}</p>
                <pre
                  data-testid="outbox-mail-text"
                  className="mt-4 overflow-x-auto rounded-lg bg-zinc-100 p-3 font-mono text-sm whitespace-pre-wrap dark:bg-zinc-950"
                >
                  {mail.text}
                </pre>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
