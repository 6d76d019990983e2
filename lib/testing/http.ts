// Calls route handlers in-process like a browser would: a Request in, a Response out, and a
// cookie jar that keeps the session between calls.
import { db } from "@/lib/db";

type RouteHandler<Params> = (req: Request, segment: { params: Promise<Params> }) => Promise<Response>;

export interface CallOptions<Params = Record<string, string>> {
  method?: string;
  body?: unknown;
  /** Sent as-is (for malformed JSON tests); otherwise `body` is JSON-encoded. */
  rawBody?: string;
  params?: Params;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly ip = "203.0.113.10") {}

  async call<T = Record<string, unknown>, Params = Record<string, string>>(
    handler: RouteHandler<Params>,
    path: string,
    options: CallOptions<Params> = {},
  ): Promise<CallResult<T>> {
    const response = await this.respond(handler, path, options);
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json") ?? false;
    return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as T };
  }

  /** The same call with the body as bytes (downloads: PDF, ZIP). */
  async download<Params = Record<string, string>>(
    handler: RouteHandler<Params>,
    path: string,
    options: CallOptions<Params> = {},
  ): Promise<CallResult<Uint8Array>> {
    const response = await this.respond(handler, path, options);
    return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
  }

  private async respond<Params>(handler: RouteHandler<Params>, path: string, options: CallOptions<Params>): Promise<Response> {
    const hasBody = options.body !== undefined || options.rawBody !== undefined;
    const headers = new Headers({ "x-forwarded-for": this.ip, ...options.headers });
    if (hasBody) headers.set("content-type", "application/json");
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const request = new Request(`http://localhost:3000${path}`, {
      method: options.method ?? (hasBody ? "POST" : "GET"),
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as Params) });
    this.storeCookies(response.headers.getSetCookie());
    return response;
  }

  private storeCookies(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator);
      const value = pair!.slice(separator + 1);
      const expired = attributes.some(
        (attribute) => /^max-age=0$/i.test(attribute) || (/^expires=/i.test(attribute) && new Date(attribute.slice(8)) < new Date()),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The newest 6-digit code mailed to `email` (read from the dev outbox). */
export async function latestMailedCode(email: string): Promise<string> {
  const mail = await db().outboxMail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}
