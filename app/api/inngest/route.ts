// Serves the functions to Inngest (Cloud or self-hosted) when INNGEST_EVENT_KEY and
// INNGEST_SIGNING_KEY are set; the SDK refuses any request without a valid signature. Without
// Inngest the local executor (lib/jobs/executor.ts) runs the same functions in-process and this
// endpoint says so.
import { serve } from "inngest/next";
import { functions } from "@/inngest";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { inngest, inngestConfigured } from "@/lib/jobs/client";

const served = serve({ client: inngest, functions });

const notConfigured = async () =>
  errorResponse(new AppError("not_found", "Inngest is not configured here: background jobs run in-process."));

export const GET = inngestConfigured ? served.GET : notConfigured;
export const POST = inngestConfigured ? served.POST : notConfigured;
export const PUT = inngestConfigured ? served.PUT : notConfigured;
