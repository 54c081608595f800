import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in src/web; Fastify serves the build from dist/web (see src/server/app.ts).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets `npm run bench` weigh exactly the JS each public page loads.
    manifest: true,
    // Public pages must stay within 100 KB of gzipped JS; staff pages are split into their own chunks.
    chunkSizeWarningLimit: 400,
    // No preload map for lazy chunks: with some forty lazy pages, Vite's table of every chunk's
    // dependencies sat in the entry and cost each public page ~2 KB of its first-load budget. The
    // browser fetches a lazy chunk's imports as soon as it parses the chunk, and the app starts a
    // page's code on intent (src/web/app/pages.ts), so the cost is one short extra hop.
    modulePreload: false,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000" },
  },
});
