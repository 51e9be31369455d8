import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built by `npm start` (infra/platform/src/console-build.ts) and served by the gateway at `/`.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1000 },
});
