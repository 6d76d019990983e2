// Every Inngest function: served at /api/inngest, and handed to lib/jobs at start-up
// (instrumentation.ts) for the local executor and for matching events to functions.
import { exportZip } from "./functions/export/export-zip";
import { analyzeImage } from "./functions/media/analyze-image";
import { analyzeTranscript } from "./functions/media/analyze-transcript";
import { ocrImage } from "./functions/media/ocr-image";
import { transcribeAudio } from "./functions/media/transcribe-audio";

export const functions = [ocrImage, analyzeImage, transcribeAudio, analyzeTranscript, exportZip];
