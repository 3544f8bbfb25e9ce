import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: false,
    // The web code imports the API contract from ../src/contract.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': api,
      '/auth': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  preview: {
    proxy: {
      '/api': api,
      '/auth': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
