"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { JobStatus } from "./job-status";
import { ProgressBar } from "./progress-bar";
import { useAnalyzeAudio, useSpokenLanguages, useTranscribeUpload, useVoiceChat, type AudioJson } from "./use-media";
import { useRecorder } from "./use-recorder";

const selectClass =
  "h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-950";
const analysisKinds = [
  { kind: "summary", label: "Summary" },
  { kind: "topics", label: "Topics" },
  { kind: "sentiment", label: "Sentiment" },
] as const;

function Analyses({ audio }: { audio: AudioJson }) {
  const analyze = useAnalyzeAudio();
  const [jobs, setJobs] = useState<{ kind: string; jobId: string }[]>([]);
  return (
    <section aria-labelledby="analysis-heading" className="space-y-3">
      <h3 id="analysis-heading" className="text-sm font-semibold">Analyse the transcript</h3>
      <div className="flex flex-wrap gap-2">
        {analysisKinds.map(({ kind, label }) => (
          <Button
            key={kind}
            size="sm"
            variant="secondary"
            data-testid={`audio-analyze-${kind}`}
            onClick={() => analyze.mutate({ audioId: audio.id, kind }, { onSuccess: ({ jobId }) => setJobs((current) => [...current, { kind, jobId }]) })}
          >
            {label}
          </Button>
        ))}
      </div>
      {analyze.error && <FormError>{analyze.error.message}</FormError>}
      {jobs.map(({ kind, jobId }) => (
        <JobStatus key={jobId} jobId={jobId} label={`${kind[0]!.toUpperCase()}${kind.slice(1)}`} testId={`audio-analysis-${kind}`}>
          {(output) => (
            <div className="rounded-lg bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
              <p className="mb-1 text-xs font-semibold uppercase text-zinc-500 dark:text-zinc-400">{kind}</p>
              <p dir="auto" className="whitespace-pre-wrap">{(output as { text: string }).text}</p>
            </div>
          )}
        </JobStatus>
      ))}
    </section>
  );
}

function Transcript({ audio }: { audio: AudioJson }) {
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {audio.language ? `Language: ${audio.language}` : "Language not detected"}
          {audio.durationSeconds !== null ? ` · ${audio.durationSeconds.toFixed(1)} s` : ""}
          {audio.transcriptModel ? ` · ${audio.transcriptModel}` : ""}
        </p>
        <p data-testid="audio-transcript" dir="auto" className="whitespace-pre-wrap rounded-lg bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
          {audio.transcript || "(no speech recognised)"}
        </p>
      </div>
      <Analyses audio={audio} />
    </div>
  );
}

export function AudioPanel() {
  const hydrated = useHydrated();
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState("");
  const [uploadPercent, setUploadPercent] = useState(0);
  const recorder = useRecorder();
  const languages = useSpokenLanguages();
  const transcribe = useTranscribeUpload(setUploadPercent);
  const voice = useVoiceChat(setUploadPercent);
  const source = recorder.recording ?? file;
  const busy = transcribe.isPending || voice.isPending;

  function run(kind: "transcribe" | "voice") {
    if (!source) return;
    setUploadPercent(0);
    transcribe.reset();
    voice.reset();
    const input = { file: source, language: language || undefined };
    if (kind === "transcribe") transcribe.mutate(input);
    else voice.mutate(input);
  }

  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-base font-semibold">Audio</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">MP3, WAV, OGG, WebM, FLAC or M4A, up to 25 MB, or record from your microphone.</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="audio-file">File</Label>
          <input
            id="audio-file"
            data-testid="audio-file"
            // A file picked before hydration would be lost: its change handler is not attached yet.
            disabled={!hydrated}
            type="file"
            accept="audio/*,video/webm,.m4a"
            onChange={(event) => {
              recorder.clear();
              setFile(event.target.files?.[0] ?? null);
            }}
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-zinc-100 file:px-3 file:py-2 dark:file:bg-zinc-800"
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="audio-language">Spoken language</Label>
          <select id="audio-language" data-testid="audio-language" value={language} onChange={(event) => setLanguage(event.target.value)} className={selectClass}>
            <option value="">Detect automatically</option>
            {languages.data?.items.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {recorder.state === "recording" ? (
          <Button variant="secondary" data-testid="audio-record-stop" onClick={recorder.stop}>
            Stop recording
          </Button>
        ) : (
          <Button variant="secondary" data-testid="audio-record" onClick={() => void recorder.start()}>
            Record
          </Button>
        )}
        {recorder.recording && <span className="text-xs text-zinc-600 dark:text-zinc-400">Recording ready ({Math.round(recorder.recording.size / 1024)} KB)</span>}
        {recorder.state === "denied" && <span className="text-xs text-red-700 dark:text-red-300">Microphone access was refused.</span>}
        {recorder.state === "unsupported" && <span className="text-xs text-red-700 dark:text-red-300">This browser cannot record audio.</span>}
        <span className="flex-1" />
        <Button data-testid="audio-transcribe" disabled={!source} pending={transcribe.isPending} onClick={() => run("transcribe")}>
          Transcribe
        </Button>
        <Button variant="secondary" data-testid="audio-voice-chat" disabled={!source} pending={voice.isPending} onClick={() => run("voice")}>
          Ask by voice
        </Button>
      </div>
      {busy && <ProgressBar label="Uploading" percent={uploadPercent < 100 ? uploadPercent : null} testId="audio-upload-progress" />}
      {(transcribe.error ?? voice.error) && <FormError>{(transcribe.error ?? voice.error)!.message}</FormError>}
      {transcribe.data && (
        <JobStatus jobId={transcribe.data.jobId} label="Transcribing" testId="audio-progress">
          {(output) => <Transcript audio={output as AudioJson} />}
        </JobStatus>
      )}
      {voice.data && (
        <div className="space-y-3" data-testid="voice-chat-result">
          <p dir="auto" className="rounded-lg bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
            <span className="font-semibold">You said: </span>
            {voice.data.transcript}
          </p>
          <p data-testid="voice-chat-reply" dir="auto" className="whitespace-pre-wrap rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
            {voice.data.reply.text}
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{voice.data.reply.model}</p>
        </div>
      )}
    </Card>
  );
}
