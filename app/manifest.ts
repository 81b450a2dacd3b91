import type { MetadataRoute } from "next";
import ja from "@/lib/i18n/messages/ja.json";

/** Web app manifest (/manifest.webmanifest): Japanese, the default language, with the brand colour. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: ja.meta.title,
    short_name: ja.common.appName,
    description: ja.meta.description,
    lang: "ja",
    start_url: "/ja",
    scope: "/",
    display: "standalone",
    theme_color: "#1d5fbf",
    background_color: "#f8fafc",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
