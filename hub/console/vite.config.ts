// Builds the web console into hub/console/dist, which the hub serves at `/` (hub/src/server/serveConsole.ts).
// `npm run console:dev` serves it with hot reload and forwards the API to a running hub
// (FLEETBACK_CONSOLE_HUB, http://127.0.0.1:8080 by default).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hub = process.env.FLEETBACK_CONSOLE_HUB ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // No public/ folder: everything the console needs is imported by its code and lands under assets/.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The console's source is no secret, but a public map invites probing and adds nothing for users.
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: { '/graphql': { target: hub, ws: true, changeOrigin: true } },
  },
});
