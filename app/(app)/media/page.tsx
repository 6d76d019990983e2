import type { Metadata } from "next";
import { AudioPanel } from "@/components/media/audio-panel";
import { ImagePanel } from "@/components/media/image-panel";

export const metadata: Metadata = { title: "Media" };

// The (app) layout has already required a signed-in user.
export default function MediaPage() {
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Media</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Read the text in images, ask a vision model about them, and transcribe or talk with audio.
        </p>
      </div>
      <ImagePanel />
      <AudioPanel />
    </div>
  );
}
