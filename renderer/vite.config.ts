import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle: Electron loads it from file:// (hence base './') and the
// browser-mode host serves it over HTTP. Both read it from <repo>/dist/renderer.

// The dev server injects inline scripts (React refresh preamble) and inline <style> tags for
// CSS, which the strict CSP in index.html forbids. Drop the meta tag in dev only; the built
// bundle keeps it.
const relaxCspInDev: Plugin = {
  name: 'unitill-relax-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
};

// In dev, forward the till API to a running browser-mode host (npm run till).
const tillHost = process.env['UNITILL_TILL_URL'] ?? 'http://127.0.0.1:4310';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), relaxCspInDev],
  build: {
    outDir: '../dist/renderer',
    // outDir lies outside root, so Vite only empties it when told to.
    emptyOutDir: true,
    // Inlined assets would become data: URLs; CSP allows them for images only, so keep
    // fonts and the like as files.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
  server: {
    proxy: { '/api': tillHost },
  },
});
