import { methodsNotAllowed, route } from "@/lib/http/route";
import { fileResponse } from "@/lib/media/uploads/file-response";
import { exportQueued, exportRequest } from "@/lib/export/schemas";
import { startExport } from "@/lib/export/service";
import { requestWorkspace } from "@/lib/workspaces/current";

// POST /api/v1/export — one conversation as a file, or a project / everything as a ZIP job
export const POST = route(
  {
    auth: "user",
    // It reads the caller's own data out: a read-only API key may export.
    scope: "read",
    limit: "export",
    summary: "Export a conversation (the file, 200) or a project or all my conversations (a ZIP job, 202)",
    body: exportRequest,
    response: [
      { status: 200, file: true, description: "The conversation as PDF, Markdown, text or JSON (Content-Disposition: attachment)" },
      { status: 202, schema: exportQueued },
    ],
  },
  async ({ req, principal, body }) => {
    const outcome = await startExport({ ...(await requestWorkspace(req, principal.userId)), input: body });
    if (outcome.status === "queued") return Response.json(outcome, { status: 202 });
    return fileResponse({ ...outcome.file, disposition: "attachment" });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
