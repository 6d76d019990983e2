import { uploadImage, imageLimits } from "@/lib/media/images/service";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { methodsNotAllowed, multipart, route } from "@/lib/http/route";
import { imageResponse } from "@/lib/media/images/schemas";

export const POST = route(
  {
    auth: "user",
    summary: "Upload an image or PDF (multipart field `file`)",
    body: multipart(),
    response: { status: 201, schema: imageResponse },
  },
  async ({ req, principal }) => {
    const file = await readUpload(req, { maxBytes: imageLimits().maxBytes });
    return Response.json({ image: await uploadImage({ userId: principal.userId, file }) }, { status: 201 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
