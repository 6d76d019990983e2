"use client";

import { memo, useRef, type ComponentProps } from "react";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "./copy-button";

/** A fenced code block with its language and a copy button; the copy takes the rendered text. */
function CodeBlock({ children, ...props }: ComponentProps<"pre">) {
  const ref = useRef<HTMLPreElement>(null);
  const child = Array.isArray(children) ? children[0] : children;
  const className = (child as { props?: { className?: string } } | undefined)?.props?.className ?? "";
  const language = /language-([\w+-]+)/.exec(className)?.[1];
  return (
    <div className="not-prose my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{language ?? "code"}</span>
        <CopyButton getText={() => ref.current?.innerText ?? ""} label="Copy code" testId="code-copy" />
      </div>
      <pre ref={ref} {...props} className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        {children}
      </pre>
    </div>
  );
}

const components = {
  pre: CodeBlock,
  // GFM task lists: read-only boxes that say what they show, since no label names them.
  input: ({ type, checked }: ComponentProps<"input">) =>
    type === "checkbox" ? (
      <input type="checkbox" checked={checked} disabled aria-label={checked ? "Done" : "Not done"} className="mr-1.5 align-middle" />
    ) : null,
  a: ({ href, children }: ComponentProps<"a">) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="underline underline-offset-2">
      {children}
    </a>
  ),
  table: ({ children }: ComponentProps<"table">) => (
    <div className="my-3 overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

/**
 * Markdown as models write it (GFM tables, task lists, fenced code with highlighting). Raw HTML
 * in a reply is shown as text, never rendered, so a reply cannot inject markup.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeHighlight]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
