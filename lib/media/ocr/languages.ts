// OCR languages: the tesseract traineddata each one reads with, shipped by @tesseract.js-data/*
// npm packages (nothing is downloaded at run time). Adding one: install the package, add a row.
export const ocrLanguages = [
  { code: "eng", name: "English", script: "Latin" },
  { code: "urd", name: "Urdu", script: "Arabic" },
  { code: "ara", name: "Arabic", script: "Arabic" },
  { code: "fas", name: "Persian", script: "Arabic" },
  { code: "hin", name: "Hindi", script: "Devanagari" },
  { code: "ben", name: "Bengali", script: "Bengali" },
  { code: "pan", name: "Punjabi (Gurmukhi)", script: "Gurmukhi" },
  { code: "chi_sim", name: "Chinese (Simplified)", script: "Han" },
  { code: "fra", name: "French", script: "Latin" },
  { code: "spa", name: "Spanish", script: "Latin" },
  { code: "deu", name: "German", script: "Latin" },
  { code: "tur", name: "Turkish", script: "Latin" },
] as const;

export type OcrLanguageCode = (typeof ocrLanguages)[number]["code"];

export const ocrLanguageCodes = ocrLanguages.map((language) => language.code) as [OcrLanguageCode, ...OcrLanguageCode[]];

/** `auto` tries English first, then one language per other script, and keeps the most confident read. */
export const autoCandidates: OcrLanguageCode[] = ["eng", "ara", "hin", "ben", "pan", "chi_sim"];
