// Outgoing mail: SMTP when SMTP_URL is set; otherwise printed to the server log and kept in
// the dev outbox (/dev/outbox) so a fresh install can complete sign-up without a mail server.
import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

export function isOutboxEnabled(): boolean {
  return !env.SMTP_URL;
}

/**
 * Who may read the outbox. Codes in it sign people in and reset passwords, so in production
 * only admins may; the first account (the admin-to-be) finds its code in the server log.
 */
export function outboxReaders(): "public" | "admins" {
  return env.DEV_OUTBOX ?? (env.NODE_ENV === "production" ? "admins" : "public");
}

export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  await db().outboxMail.create({ data: mail });
  // Dev only (no SMTP configured): the code must reach the person somehow.
  log.info("mail (dev outbox)", { to: mail.to, subject: mail.subject, text: mail.text });
}

export async function listOutbox(options: { to?: string; limit: number }) {
  return db().outboxMail.findMany({
    where: options.to ? { to: options.to } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.limit,
  });
}
