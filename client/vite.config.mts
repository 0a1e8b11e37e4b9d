import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The UI is built into client/dist, which the API serves on the same port (`npm start`).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The Cypher editor's chunk (Neo4j's ANTLR parser, ~1.1 MB, 275 KB gzipped) loads only when the
    // console opens; the first load is the main chunk alone (npm run bench:ui reports its size).
    chunkSizeWarningLimit: 1200,
  },
});
