// The API reference page: the OpenAPI document rendered as plain HTML, no scripts or CDN.
import type { OpenApiDocument } from "@/lib/openapi/document";
import { OperationFilter } from "./operation-filter";
import { SchemaView, typeLabel } from "./schema-view";

type Operation = OpenApiDocument["paths"][string][string];
type Response = { description: string; content?: Record<string, { schema: Record<string, unknown> }> };

const methodColours: Record<string, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  delete: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

function authLabel(operation: Operation): string {
  if (operation.security.length === 0) return "Public";
  const via = operation.security.length === 1 ? "Session only" : "Session or API key";
  const roles = operation["x-roles"] ? `, role ${operation["x-roles"].join("/")}` : "";
  return `${via} · ${operation["x-permission"]} permission${roles}`;
}

function OperationCard({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  const anchor = operation.operationId;
  // A JSON body, or a multipart upload (the file and its text fields).
  const [bodyType, bodyMedia] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  const body = bodyMedia?.schema;
  return (
    <article
      id={anchor}
      data-testid="api-operation"
      data-api-search={`${method} ${path} ${operation.summary} ${operation.tags.join(" ")}`.toLowerCase()}
      className="scroll-mt-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${methodColours[method] ?? ""}`}>{method}</span>
        <code className="text-sm font-semibold break-all">{path}</code>
        <a href={`#${anchor}`} className="text-xs text-zinc-500 dark:text-zinc-400 hover:text-zinc-600" aria-label={`Link to ${method} ${path}`}>
          #
        </a>
      </header>
      <p className="mt-2 text-sm">{operation.summary}</p>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{authLabel(operation)}</p>

      {operation.parameters.length > 0 && (
        <section className="mt-3">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">Parameters</h4>
          <ul>
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}:${parameter.name}`} className="py-1 text-sm">
                <code className="font-semibold">{parameter.name}</code>{" "}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">in {parameter.in}</span>{" "}
                <span className="font-mono text-xs text-sky-700 dark:text-sky-400">{typeLabel(parameter.schema)}</span>
                {parameter.required && <span className="ml-2 text-xs text-rose-700 dark:text-rose-400">required</span>}
                {"description" in parameter && typeof parameter.description === "string" && (
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{parameter.description}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {body && (
        <section className="mt-3">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">
            Request body ({bodyType === "multipart/form-data" ? "multipart form" : "JSON"})
          </h4>
          <SchemaView schema={body} />
        </section>
      )}

      <section className="mt-3">
        <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">Responses</h4>
        <ul className="space-y-1">
          {Object.entries(operation.responses as Record<string, Response>).map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            const showSchema = schema && !("$ref" in schema) && status.startsWith("2");
            return (
              <li key={status} className="text-sm">
                <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500 dark:text-zinc-400"}`}>
                  {status}
                </span>{" "}
                {response.description}
                {response.content?.["text/event-stream"] && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">text/event-stream</span>}
                {response.content?.["application/octet-stream"] && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">the file</span>}
                {showSchema && (
                  <details className="mt-1 ml-4">
                    <summary className="cursor-pointer text-xs text-zinc-500 dark:text-zinc-400">Body</summary>
                    <SchemaView schema={schema} />
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const byTag = new Map<string, { path: string; method: string; operation: Operation }[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, operation }]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return (
    <div className="mx-auto flex w-full max-w-6xl gap-8 px-4 py-8 sm:px-6">
      <nav aria-label="API sections" className="sticky top-4 hidden h-fit w-48 shrink-0 md:block">
        <ul className="space-y-1 text-sm">
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#tag-${tag}`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
                {tag}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1 space-y-8">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">{String(document.info.title)}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{String(document.info.description)}</p>
          <p className="text-sm">
            Machine-readable: <a className="underline" href="/api/docs/openapi.json">/api/docs/openapi.json</a> (OpenAPI {document.openapi}).
            Rate-limited responses carry <code>X-RateLimit-Limit</code>, <code>X-RateLimit-Remaining</code> and{" "}
            <code>X-RateLimit-Reset</code>; a 429 adds <code>Retry-After</code>.
          </p>
          <OperationFilter />
        </header>
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} data-api-section aria-labelledby={`tag-${tag}-heading`} className="scroll-mt-4 space-y-3">
            <h2 id={`tag-${tag}-heading`} className="text-lg font-semibold">
              {tag}
            </h2>
            {byTag.get(tag)!.map((entry) => (
              <OperationCard key={`${entry.method} ${entry.path}`} {...entry} />
            ))}
          </section>
        ))}
      </main>
    </div>
  );
}
