// Fonts for PDF exports, read from npm packages on disk (nothing is fetched at run time).
// react-pdf picks, glyph by glyph, the first family in a style's list that has the glyph, so
// Latin, Arabic/Urdu and Devanagari text each get a Noto face. `.woff`, not `.woff2`: fontkit
// reads WOFF but not WOFF2.
import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

const fontsource = (pkg: string, file: string) =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@fontsource", pkg, "files", file);

const families = {
  NotoSans: [
    ["noto-sans-arabic", "noto-sans-arabic-latin-400-normal.woff", 400],
    ["noto-sans-arabic", "noto-sans-arabic-latin-700-normal.woff", 700],
  ],
  NotoSansLatinExt: [
    ["noto-sans-arabic", "noto-sans-arabic-latin-ext-400-normal.woff", 400],
    ["noto-sans-arabic", "noto-sans-arabic-latin-ext-700-normal.woff", 700],
  ],
  NotoSansArabic: [
    ["noto-sans-arabic", "noto-sans-arabic-arabic-400-normal.woff", 400],
    ["noto-sans-arabic", "noto-sans-arabic-arabic-700-normal.woff", 700],
  ],
  NotoSansDevanagari: [
    ["noto-sans-devanagari", "noto-sans-devanagari-devanagari-400-normal.woff", 400],
    ["noto-sans-devanagari", "noto-sans-devanagari-devanagari-700-normal.woff", 700],
  ],
} as const;

/** The body text's families, in fallback order. */
export const PDF_TEXT_FONTS = Object.keys(families);
/** Code: a standard PDF font (no file needed), then the text fonts for other scripts. */
export const PDF_CODE_FONTS = ["Courier", ...PDF_TEXT_FONTS];

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  registered = true;
  for (const [family, faces] of Object.entries(families)) {
    Font.register({ family, fonts: faces.map(([pkg, file, fontWeight]) => ({ src: fontsource(pkg, file), fontWeight })) });
  }
  // Words are wrapped whole; react-pdf's default English hyphenation would split other scripts oddly.
  Font.registerHyphenationCallback((word) => [word]);
}
