import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Game server the dev server proxies to (npm run dev:web); `npm start` serves the build itself. */
const GAME_SERVER = process.env.GAME_SERVER ?? "http://127.0.0.1:2567";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The dashboard and replay pages are loaded on demand (App.tsx); uPlot, the dashboard's
    // charts, is a chunk of its own beside the dashboard's, fetched with it.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "uplot", test: /[\\/]node_modules[\\/]uplot[\\/]/ }] } } },
  },
  server: {
    proxy: {
      "/matchmake": GAME_SERVER,
      "/health": GAME_SERVER,
      "^/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+(\\?.*)?$": { target: GAME_SERVER.replace(/^http/, "ws"), ws: true },
    },
  },
});
