import { fileResponse } from "@/lib/media/uploads/file-response";
import { readImageFile } from "@/lib/media/images/service";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/images/:id/file — the stored image itself (EXIF stripped), owner only
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) =>
  fileResponse(await readImageFile({ userId: principal.userId, imageId: params.id })),
);
