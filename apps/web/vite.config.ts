/** Builds the page into apps/web/dist, which the API server serves on the same origin. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const apiServer = 'http://localhost:4433';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: `${root}/dist`,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // React changes less often than the page: its own file stays cached across releases.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/.well-known': apiServer,
    },
  },
});
