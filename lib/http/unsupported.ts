// Fields an endpoint knows but does not serve. Ignoring them silently would answer something
// other than what was asked (a reply without the requested tool call, prose instead of JSON),
// so their meaningful values are refused — as a 400 `unsupported_parameter`, not a 422, because
// the request is well formed and only asks for more than this server does. The schema marks the
// issue; the wrapper's validation reads the mark (see `isUnsupportedIssue`).
import { z } from "zod";

const MARK = "unsupported";

/**
 * Accepts the `harmless` values (absent, null, or whatever changes nothing, e.g. `n: 1`) and
 * refuses anything else with `message`, which should say what is supported.
 */
export function unsupportedUnless(harmless: z.ZodType, message: string) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === undefined || value === null || harmless.safeParse(value).success) return;
      ctx.addIssue({ code: "custom", message, params: { [MARK]: true } });
    })
    .optional()
    .describe(`Not supported: ${message}`);
}

/** Refuses an object outright (a message role this endpoint does not take), naming `field` as the culprit. */
export function refusedWith(message: string, field: string) {
  return (_value: unknown, ctx: z.RefinementCtx): never => {
    ctx.addIssue({ code: "custom", path: [field], message, params: { [MARK]: true } });
    return z.NEVER;
  };
}

export function isUnsupportedIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && issue.params?.[MARK] === true;
}
