// PDF exports with @react-pdf/renderer: title, dates, the author (and model) of each message,
// its Markdown rendered (headings, lists, tables, quotes, code in a monospace font on a grey
// background), attached images, and page numbers. Right-to-left paragraphs are right-aligned.
import "server-only";
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { PDF_CODE_FONTS, PDF_TEXT_FONTS, registerPdfFonts } from "./pdf-fonts";
import type { ExportConversation } from "./schemas";
import { authorOf, formatExportDate } from "./text-formats";

/** An attached image ready for the PDF (PNG or JPEG bytes), or null when it could not be read. */
export type PdfImageLoader = (imageId: string) => Promise<{ data: Buffer; format: "png" | "jpg" } | null>;

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 56, paddingHorizontal: 48, fontFamily: PDF_TEXT_FONTS, fontSize: 10.5, lineHeight: 1.45 },
  title: { fontSize: 20, fontWeight: 700, lineHeight: 1.3, marginBottom: 8 },
  meta: { fontSize: 9, color: "#555555", marginBottom: 2 },
  message: { marginTop: 14, paddingTop: 8, borderTopWidth: 1, borderTopColor: "#dddddd" },
  author: { fontSize: 9.5, fontWeight: 700, color: "#333333", marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  heading: { fontWeight: 700, marginTop: 6, marginBottom: 4 },
  code: { fontFamily: PDF_CODE_FONTS, fontSize: 9, backgroundColor: "#f3f4f6", padding: 6, marginBottom: 6, borderRadius: 3 },
  inlineCode: { fontFamily: PDF_CODE_FONTS, backgroundColor: "#f3f4f6" },
  quote: { borderLeftWidth: 2, borderLeftColor: "#cccccc", paddingLeft: 8, color: "#444444", marginBottom: 6 },
  listItem: { flexDirection: "row", marginBottom: 2 },
  bullet: { width: 16 },
  listBody: { flex: 1 },
  table: { borderWidth: 1, borderColor: "#cccccc", marginBottom: 6 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#e5e5e5" },
  cell: { flex: 1, padding: 3, fontSize: 9 },
  image: { maxWidth: 300, maxHeight: 300, marginBottom: 6, objectFit: "contain" },
  // From the top: a fixed footer placed with `bottom` was laid out off the page (react-pdf 4.9).
  footer: { position: "absolute", top: 806, left: 48, right: 48 },
  // Helvetica (a standard PDF font, digits only): text drawn by `render` after layout must not
  // share the subset of an embedded font, whose glyph ids were handed out already.
  pageNumber: { fontSize: 8, color: "#777777", fontFamily: "Helvetica" },
});

const headingSizes = [0, 16, 14, 12.5, 11.5, 11, 10.5];
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LTR = /[A-Za-z\u00c0-\u024f\u0900-\u097f\u4e00-\u9fff]/;

/** True when the first letter with a direction is Hebrew or Arabic script (Urdu, Persian …). */
export function startsRightToLeft(text: string): boolean {
  for (const character of text) {
    if (RTL.test(character)) return true;
    if (LTR.test(character)) return false;
  }
  return false;
}

function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

function inline(nodes: PhrasingContent[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "strong":
        return <Text key={index} style={{ fontWeight: 700 }}>{inline(node.children)}</Text>;
      case "emphasis":
        // The Noto faces here have no italic: emphasis is shown in a darker colour instead.
        return <Text key={index} style={{ color: "#1f2937" }}>{inline(node.children)}</Text>;
      case "delete":
        return <Text key={index} style={{ textDecoration: "line-through" }}>{inline(node.children)}</Text>;
      case "inlineCode":
        return <Text key={index} style={styles.inlineCode}>{node.value}</Text>;
      case "link":
        return <Text key={index} style={{ color: "#1d4ed8" }}>{inline(node.children)}</Text>;
      case "break":
        return "\n";
      case "image":
        return `[${node.alt ?? "image"}]`;
      default:
        return plainText(node);
    }
  });
}

function block(node: RootContent, key: number): ReactNode {
  switch (node.type) {
    case "heading":
      return <Text key={key} style={[styles.heading, { fontSize: headingSizes[node.depth] }]}>{inline(node.children)}</Text>;
    case "paragraph": {
      const rtl = startsRightToLeft(plainText(node));
      return <Text key={key} style={[styles.paragraph, rtl ? { textAlign: "right" } : {}]}>{inline(node.children)}</Text>;
    }
    case "code":
      return <Text key={key} style={styles.code}>{node.value}</Text>;
    case "blockquote":
      return <View key={key} style={styles.quote}>{node.children.map(block)}</View>;
    case "list":
      return (
        <View key={key} style={{ marginBottom: 4 }}>
          {node.children.map((item, index) => (
            <View key={index} style={styles.listItem} wrap={false}>
              <Text style={styles.bullet}>{node.ordered ? `${(node.start ?? 1) + index}.` : "•"}</Text>
              <View style={styles.listBody}>{item.children.map(block)}</View>
            </View>
          ))}
        </View>
      );
    case "table":
      return (
        <View key={key} style={styles.table}>
          {node.children.map((row, rowIndex) => (
            <View key={rowIndex} style={styles.row} wrap={false}>
              {row.children.map((cell, cellIndex) => (
                <Text key={cellIndex} style={[styles.cell, rowIndex === 0 ? { fontWeight: 700 } : {}]}>{inline(cell.children)}</Text>
              ))}
            </View>
          ))}
        </View>
      );
    case "thematicBreak":
      return <View key={key} style={{ borderBottomWidth: 1, borderBottomColor: "#dddddd", marginVertical: 6 }} />;
    case "html":
      return <Text key={key} style={styles.paragraph}>{node.value}</Text>;
    default:
      return <Text key={key} style={styles.paragraph}>{plainText(node)}</Text>;
  }
}

/** A message's Markdown as react-pdf blocks. */
export function markdownBlocks(markdown: string): ReactNode[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children.map(block);
}

export async function conversationToPdf(
  conversation: ExportConversation,
  options: { exportedAt: Date; loadImage: PdfImageLoader },
): Promise<Buffer> {
  registerPdfFonts();
  const images = new Map<string, { data: Buffer; format: "png" | "jpg" }>();
  for (const message of conversation.messages) {
    for (const attachment of message.attachments) {
      const image = await options.loadImage(attachment.imageId);
      if (image) images.set(attachment.imageId, image);
    }
  }
  const document = (
    <Document title={conversation.title} creator="BaatCheet" producer="BaatCheet">
      <Page size="A4" style={styles.page} wrap>
        <View style={styles.footer} fixed>
          <Text style={styles.pageNumber} render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
        </View>
        <Text style={[styles.title, startsRightToLeft(conversation.title) ? { textAlign: "right" } : {}]}>{conversation.title}</Text>
        <Text style={styles.meta}>Created {formatExportDate(conversation.createdAt)} · exported {formatExportDate(options.exportedAt)}</Text>
        {conversation.project ? <Text style={styles.meta}>Project: {conversation.project}</Text> : null}
        {conversation.tags.length > 0 ? <Text style={styles.meta}>Tags: {conversation.tags.join(", ")}</Text> : null}
        {conversation.messages.map((message) => (
          <View key={message.id} style={styles.message}>
            <Text style={styles.author}>
              {authorOf(message)} · {formatExportDate(message.createdAt)}
            </Text>
            {message.attachments.map((attachment) => {
              const image = images.get(attachment.imageId);
              return image ? (
                // react-pdf's Image has no alt text (PDF images here carry none); the file name is in the Markdown and JSON exports.
                // eslint-disable-next-line jsx-a11y/alt-text
                <Image key={attachment.imageId} style={styles.image} src={image} />
              ) : (
                <Text key={attachment.imageId} style={styles.meta}>[image: {attachment.name}]</Text>
              );
            })}
            {markdownBlocks(message.content)}
          </View>
        ))}
      </Page>
    </Document>
  );
  return renderToBuffer(document);
}
