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
  },
});
