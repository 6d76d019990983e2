// Records from the microphone with MediaRecorder (WebM/Opus in Chrome and Firefox, MP4 in Safari).
import { useCallback, useEffect, useRef, useState } from "react";

export type RecorderState = "idle" | "recording" | "unsupported" | "denied";

export function useRecorder() {
  const [state, setState] = useState<RecorderState>("idle");
  const [recording, setRecording] = useState<Blob | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);

  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);

  /** `onRecorded` gets the recording when it stops, for callers that act on it at once. */
  const start = useCallback(async (onRecorded?: (recording: Blob) => void) => {
    if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices?.getUserMedia) {
      setState("unsupported");
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const next = new MediaRecorder(stream);
      next.ondataavailable = (event) => chunks.push(event.data);
      next.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        const result = new Blob(chunks, { type: next.mimeType || "audio/webm" });
        setRecording(result);
        setState("idle");
        onRecorded?.(result);
      };
      recorder.current = next;
      setRecording(null);
      next.start();
      setState("recording");
    } catch {
      setState("denied");
    }
  }, []);

  const stop = useCallback(() => recorder.current?.stop(), []);
  const clear = useCallback(() => setRecording(null), []);

  return { state, recording, start, stop, clear };
}
