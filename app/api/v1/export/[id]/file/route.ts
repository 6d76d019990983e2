import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { fileResponse } from "@/lib/media/uploads/file-response";
import { readExportFile } from "@/lib/export/service";

// GET /api/v1/export/:id/file — a finished export job's ZIP, owner only, for 24 hours
export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "Download the ZIP of one of my finished export jobs (the job id) until it expires",
    response: { status: 200, file: true, description: "The ZIP (Content-Disposition: attachment)" },
  },
  async ({ principal, params }) =>
    fileResponse({ ...(await readExportFile({ userId: principal.userId, jobId: params.id })), disposition: "attachment" }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
