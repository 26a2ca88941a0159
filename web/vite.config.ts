import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built into web/dist, served at `/` by the local server and by CloudFront. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' } },
});
