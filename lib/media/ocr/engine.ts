// Tesseract (tesseract.js 7, WASM) with language data from the @tesseract.js-data npm packages:
// nothing is fetched at run time. One worker per language, started on first use (~0.5 s) and
// kept warm for a while, since starting one costs more than reading a page.
import path from "node:path";
import sharp from "sharp";
import { createWorker, type Worker } from "tesseract.js";
import { processSingleton } from "@/lib/process/singleton";
import { autoCandidates, type OcrLanguageCode } from "./languages";

const IDLE_MS = 2 * 60_000;
/** An `auto` read in English this confident is kept without trying other scripts. */
const AUTO_CONFIDENT = 80;

interface PooledWorker {
  worker: Promise<Worker>;
  idleTimer?: ReturnType<typeof setTimeout>;
  /** Progress callback of the recognition in flight (a worker reads one image at a time). */
  onProgress?: (fraction: number) => void;
  queue: Promise<unknown>;
}

const workers = processSingleton("ocr-workers", () => new Map<OcrLanguageCode, PooledWorker>());

function languageDataPath(code: OcrLanguageCode): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@tesseract.js-data", code, "4.0.0_best_int");
}

function pooled(code: OcrLanguageCode): PooledWorker {
  let entry = workers.get(code);
  if (!entry) {
    const created: PooledWorker = { queue: Promise.resolve(), worker: Promise.resolve(undefined as unknown as Worker) };
    created.worker = createWorker(code, 1, {
      langPath: languageDataPath(code),
      gzip: true,
      cacheMethod: "none",
      logger: (message) => {
        if (message.status === "recognizing text") created.onProgress?.(message.progress);
      },
    });
    created.worker.catch(() => workers.delete(code));
    entry = created;
    workers.set(code, entry);
  }
  return entry;
}

function scheduleIdleStop(code: OcrLanguageCode, entry: PooledWorker) {
  clearTimeout(entry.idleTimer);
  entry.idleTimer = setTimeout(() => {
    workers.delete(code);
    void entry.worker.then((worker) => worker.terminate());
  }, IDLE_MS);
  entry.idleTimer.unref?.();
}

export interface OcrRead {
  language: OcrLanguageCode;
  text: string;
  confidence: number;
}

async function readWith(code: OcrLanguageCode, png: Buffer, onProgress?: (fraction: number) => void): Promise<OcrRead> {
  const entry = pooled(code);
  const job = entry.queue.then(async () => {
    clearTimeout(entry.idleTimer);
    entry.onProgress = onProgress;
    try {
      const worker = await entry.worker;
      const { data } = await worker.recognize(png);
      return { language: code, text: data.text.trim(), confidence: data.confidence };
    } finally {
      entry.onProgress = undefined;
      scheduleIdleStop(code, entry);
    }
  });
  entry.queue = job.catch(() => undefined);
  return job;
}

/** Tesseract reads PNG best; animations give their first frame. Greyscale helps faint scans. */
export async function toOcrInput(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { pages: 1 }).greyscale().png().withMetadata({ density: 144 }).toBuffer();
}

/**
 * Reads the text in `png`. `auto` reads in English first and, unless that is confident, once
 * per other script, keeping the most confident read that found any text.
 */
export async function recognise(
  png: Buffer,
  language: OcrLanguageCode | "auto",
  onProgress?: (fraction: number) => void,
): Promise<OcrRead> {
  if (language !== "auto") return readWith(language, png, onProgress);
  const candidates = autoCandidates;
  let best: OcrRead | undefined;
  for (const [index, code] of candidates.entries()) {
    const read = await readWith(code, png, (fraction) => onProgress?.((index + fraction) / candidates.length));
    if (read.text && (!best || read.confidence > best.confidence)) best = read;
    if (code === "eng" && read.text && read.confidence >= AUTO_CONFIDENT) break;
  }
  return best ?? { language: "eng", text: "", confidence: 0 };
}

/** Stops every warm worker (tests, shutdown). */
export async function stopOcrWorkers(): Promise<void> {
  const entries = [...workers.values()];
  workers.clear();
  await Promise.all(
    entries.map(async (entry) => {
      clearTimeout(entry.idleTimer);
      await (await entry.worker.catch(() => undefined))?.terminate();
    }),
  );
}
