// Runs once when the server starts: apply migrations before traffic, close cleanly on shutdown.
import { PHASE_PRODUCTION_BUILD } from "next/constants";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` calls this in its prerender workers too: opening the embedded database there
  // would hold its one-process lock while `next start` begins.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startServer } = await import("./lib/server/startup");
  // Loaded on the first job, not now: the functions pull in the media code (sharp, tesseract).
  await startServer({ jobFunctions: async () => (await import("./inngest")).functions });
}
