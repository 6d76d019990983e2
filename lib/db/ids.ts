// Row ids made in our code rather than by the database default, so a chat turn can name its
// messages before they are written (the reply starts while the rows are being saved).
// Same look as Prisma's cuid(): lowercase letters and digits, time-prefixed for locality.
import { randomBytes } from "node:crypto";

const RANDOM_CHARS = 16;

export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const bytes = randomBytes(RANDOM_CHARS);
  let random = "";
  for (const byte of bytes) random += (byte % 36).toString(36);
  return `c${time}${random}`;
}
