// The hand-over from our sign-in checks to Auth.js: a random single-use ticket, valid one minute.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

const TICKET_TTL_MS = 60_000;

function hashTicket(ticket: string): string {
  return createHash("sha256").update(ticket).digest("base64url");
}

export async function issueSessionTicket(userId: string): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  // Tickets live a minute; sweep this user's spent ones so the table stays small.
  await db().authCode.deleteMany({
    where: { userId, purpose: "session_ticket", OR: [{ consumedAt: { not: null } }, { expiresAt: { lt: new Date() } }] },
  });
  await db().authCode.create({
    data: {
      userId,
      purpose: "session_ticket",
      codeHash: hashTicket(ticket),
      expiresAt: new Date(Date.now() + TICKET_TTL_MS),
    },
  });
  return ticket;
}

/** Returns the user the ticket was issued for, or null if it is unknown, expired or used. */
export async function consumeSessionTicket(ticket: string) {
  const now = new Date();
  const row = await db().authCode.findFirst({
    where: { purpose: "session_ticket", codeHash: hashTicket(ticket), consumedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true },
  });
  if (!row) return null;
  const { count } = await db().authCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (count === 0) return null;
  const user = await db().user.findUnique({ where: { id: row.userId } });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
