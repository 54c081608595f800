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
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000" },
  },
});
