// Renders a JSON Schema (as produced by z.toJSONSchema) as nested property lists.
type JsonSchema = {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
};

export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeLabel).join(" | ");
  if (schema.type === "array" && schema.items) return `${typeLabel(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraints(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) notes.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) notes.push(`max length ${schema.maxLength}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** Objects nested in arrays and unions are shown too, so a reader sees the whole shape. */
function nestedObjects(schema: JsonSchema): JsonSchema[] {
  if (schema.properties) return [schema];
  if (schema.items) return nestedObjects(schema.items);
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(nestedObjects);
}

export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const objects = nestedObjects(schema);
  if (objects.length === 0) {
    return <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{typeLabel(schema)}</p>;
  }
  return (
    <div className="space-y-2">
      {objects.length > 1 && <p className="text-xs text-zinc-500 dark:text-zinc-400">One of:</p>}
      {objects.map((object, index) => (
        <ul key={index} className={depth > 0 ? "ml-4 border-l border-zinc-200 pl-3 dark:border-zinc-800" : ""}>
          {Object.entries(object.properties ?? {}).map(([name, property]) => (
            <li key={name} className="py-1 text-sm">
              <code className="font-semibold">{name}</code>{" "}
              <span className="font-mono text-xs text-sky-700 dark:text-sky-400">{typeLabel(property)}</span>
              {object.required?.includes(name) && <span className="ml-2 text-xs text-rose-700 dark:text-rose-400">required</span>}
              {constraints(property).length > 0 && (
                <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{constraints(property).join(", ")}</span>
              )}
              {property.description && <p className="text-xs text-zinc-600 dark:text-zinc-400">{property.description}</p>}
              {depth < 4 && nestedObjects(property).length > 0 && <SchemaView schema={property} depth={depth + 1} />}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
