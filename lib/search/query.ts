// The search box's language: free text in websearch_to_tsquery syntax ("quoted phrase",
// -exclusion, OR) plus operators tag:, project:, model:, before:, after: (values may be quoted).
import { AppError } from "@/lib/errors";

export interface ParsedSearch {
  /** What is left for full-text search once operators are taken out. */
  text: string;
  tags: string[];
  project?: string;
  model?: string;
  /** Inclusive lower bound (start of the `after:` day, UTC). */
  after?: Date;
  /** Exclusive upper bound (start of the `before:` day, UTC). */
  before?: Date;
}

const OPERATOR = /(^|\s)(tag|project|model|before|after):(?:"([^"]*)"|(\S*))/gi;

function parseDay(operator: string, value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new AppError("validation_failed", `q: ${operator}: needs a date as YYYY-MM-DD, got "${value}".`);
  }
  return date;
}

export function parseSearchQuery(raw: string): ParsedSearch {
  const parsed: ParsedSearch = { text: "", tags: [] };
  const text = raw.replace(OPERATOR, (_whole, lead: string, name: string, quoted?: string, bare?: string) => {
    const value = (quoted ?? bare ?? "").trim();
    if (!value) return lead;
    switch (name.toLowerCase()) {
      case "tag":
        parsed.tags.push(value.toLowerCase());
        break;
      case "project":
        parsed.project = value;
        break;
      case "model":
        parsed.model = value;
        break;
      case "before":
        parsed.before = parseDay("before", value);
        break;
      case "after":
        parsed.after = parseDay("after", value);
        break;
    }
    return lead;
  });
  parsed.text = text.replace(/\s+/g, " ").trim();
  return parsed;
}

/**
 * `english` stems and drops English stop words; text in another script (Urdu, Hindi, Arabic…)
 * is searched with `simple`, which keeps every word as written. The indexed vectors hold both.
 */
export function searchConfigFor(text: string): "english" | "simple" {
  return /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text) ? "simple" : "english";
}

/** Splits ts_headline output on the private-use markers we ask it to put around matches. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/**
 * A snippet is read as plain text: the markdown a reply is written in (`**`, `#`, list markers,
 * backticks, links) would show as raw symbols. Strips the markup, keeps the words (a link keeps
 * its text, an image its alt text); the highlight markers pass through untouched.
 */
export function plainSnippetText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]+)/gm, "")
    .replace(/\*\*|__|~~|`/g, "")
    .replace(/(^|[\s(])[*_](?=\S)/g, "$1")
    .replace(/(?<=\S)[*_](?=[\s).,;:!?]|$)/g, "")
    .replace(/\s*\|\s*/g, " ")
    .replace(/(^|\s):?-{3,}:?(?=\s|$)/g, "$1")
    .replace(/\s+/g, " ");
}

export function toSnippetParts(headline: string): SnippetPart[] {
  headline = plainSnippetText(headline).trim();
  const parts: SnippetPart[] = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, "g");
  let index = 0;
  for (const match of headline.matchAll(pattern)) {
    if (match.index > index) parts.push({ text: headline.slice(index, match.index), highlight: false });
    if (match[1]) parts.push({ text: match[1], highlight: true });
    index = match.index + match[0].length;
  }
  if (index < headline.length) parts.push({ text: headline.slice(index), highlight: false });
  // Merge neighbours of the same kind ("machine" + " " + "learning" stays readable as one mark).
  return parts.reduce<SnippetPart[]>((merged, part) => {
    const previous = merged.at(-1);
    if (previous && previous.highlight === part.highlight) previous.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}
