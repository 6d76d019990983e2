import { fileResponse } from "@/lib/media/uploads/file-response";
import { readImageFile } from "@/lib/media/images/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The stored image itself (EXIF stripped), owner only",
    response: { status: 200, file: true, description: "The image or PDF, with its real content type" },
  },
  async ({ principal, params }) => fileResponse(await readImageFile({ userId: principal.userId, imageId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
