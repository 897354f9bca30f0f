import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The admin web app is built into dist/admin-ui and served by the HireBridge server itself at `/`
// (src/http/routes/admin-ui.ts), so it shares the server's origin, cookies and CSP.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin-ui', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles: the server's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    // `npm run dev:ui`: the UI with hot reload, talking to a HireBridge started by `npm run dev`. The
    // Host header is kept (changeOrigin off; Vite's shorthand turns it on) so the server's Origin check
    // sees the page's own origin.
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/webhooks': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
