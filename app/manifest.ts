import type { MetadataRoute } from "next";

// Lets a phone add BaatCheet to its home screen as an app (standalone window, own icon).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "BaatCheet",
    short_name: "BaatCheet",
    description: "Talk to many AI models in one place.",
    start_url: "/chat",
    display: "standalone",
    background_color: "#fafafa",
    theme_color: "#18181b",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
