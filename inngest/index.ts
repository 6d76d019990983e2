// Every Inngest function, served at /api/inngest and run by the local executor.
import { analyzeImage } from "./functions/media/analyze-image";
import { analyzeTranscript } from "./functions/media/analyze-transcript";
import { ocrImage } from "./functions/media/ocr-image";
import { transcribeAudio } from "./functions/media/transcribe-audio";

export const functions = [ocrImage, analyzeImage, transcribeAudio, analyzeTranscript];
