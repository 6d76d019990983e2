"use client";

// Dictation for the composer: record with the microphone, transcribe (Whisper through the key
// pools), and put the words in the message box to read over before sending.
import { useEffect, useState } from "react";
import { uploadWithProgress } from "@/components/media/upload-request";
import { useRecorder } from "@/components/media/use-recorder";
import { MicIcon, StopIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/components/api/fetcher";
import type { AudioView } from "@/lib/media/audio/schemas";
import { composerButtonClass } from "./composer-button-class";

/** Long enough for a paragraph; a longer recording belongs on the media page. */
const MAX_RECORDING_SECONDS = 120;

const RECORDER_PROBLEMS = {
  denied: "Microphone access was refused. Allow it in the browser's site settings to dictate.",
  unsupported: "This browser cannot record audio.",
} as const;

/** Turns a recording or an audio file into text for the message box (Whisper, within the request). */
export function useDictation(onTranscript: (text: string) => void) {
  const [transcribing, setTranscribing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const transcribe = (audio: Blob, fileName: string) => {
    setError(null);
    setTranscribing(true);
    uploadWithProgress<{ audio: AudioView }>("/api/v1/audio/transcribe-upload?wait=true", audio, { fileName })
      .then(({ audio: stored }) => {
        const text = stored.transcript?.trim();
        if (text) onTranscript(text);
        else setError("No speech was heard in the recording.");
      })
      .catch((reason: unknown) => setError(reason instanceof ApiError ? reason.message : "The recording could not be transcribed."))
      .finally(() => setTranscribing(false));
  };

  return { transcribing, error, setError, transcribe };
}

export type Dictation = ReturnType<typeof useDictation>;

export function VoiceInput({ disabled, dictation }: { disabled: boolean; dictation: Dictation }) {
  const recorder = useRecorder();
  const { transcribing, error, setError } = dictation;
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);

  const recording = recorder.state === "recording";
  const { stop } = recorder;
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() - startedAt >= MAX_RECORDING_SECONDS * 1000) stop();
    }, 250);
    return () => clearInterval(timer);
  }, [recording, startedAt, stop]);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));

  const transcribe = (blob: Blob) => {
    recorder.clear();
    dictation.transcribe(blob, blob.type.includes("mp4") ? "dictation.m4a" : "dictation.webm");
  };

  const problem = recorder.state === "denied" || recorder.state === "unsupported" ? RECORDER_PROBLEMS[recorder.state] : error;
  const label = recording ? "Stop recording and transcribe" : transcribing ? "Transcribing…" : "Dictate a message";

  return (
    <div className="relative flex items-center">
      {recording && (
        <span data-testid="voice-timer" aria-live="polite" className="mr-1 text-xs text-red-600 tabular-nums dark:text-red-400">
          {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, "0")}
        </span>
      )}
      <button
        type="button"
        data-testid={recording ? "voice-stop" : "voice-record"}
        aria-label={label}
        title={label}
        aria-pressed={recording}
        disabled={disabled || transcribing}
        onClick={() => {
          setError(null);
          if (recording) return recorder.stop();
          setStartedAt(Date.now());
          setNow(Date.now());
          void recorder.start(transcribe);
        }}
        className={composerButtonClass(recording ? "recording" : "ghost")}
      >
        {transcribing ? <Spinner /> : recording ? <StopIcon /> : <MicIcon />}
      </button>
      {problem && (
        <p role="alert" data-testid="voice-error" className="absolute bottom-full left-0 mb-2 w-64 rounded-lg bg-red-50 px-3 py-2 text-xs text-red-800 shadow dark:bg-red-950 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  );
}
