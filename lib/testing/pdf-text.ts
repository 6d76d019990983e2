// Reads a PDF back in tests: its page count and each page's text, through pdf.js (a dev
// dependency), so exports are checked for what a reader sees rather than for bytes.
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// The standard 14 fonts (page numbers are set in Helvetica) are read from pdf.js's own files.
const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;

export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const raw = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
    // NFKC: Arabic comes back as the presentation forms drawn (joined letter shapes); control
    // characters are what pdf.js makes of shaping-only glyphs that stand for no character.
    text.push(raw.normalize("NFKC").replace(/[\u0000-\u0008\u000b-\u001f]/g, ""));
  }
  await document.destroy();
  return { pages: document.numPages, text };
}
