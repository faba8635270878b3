import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Matches a package (or scope) folder inside node_modules, on any path separator. */
const pkg = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

// The staff web app. Fastify serves dist/web; in development Vite proxies the API to it.
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // antd's core alone is about 1 MB minified; pages are lazy, so only the shell loads it up front.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: pkg('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'), priority: 30 },
            { name: 'antd-icons', test: pkg('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'), priority: 25 },
            { name: 'antd', test: pkg('antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis|classnames|dayjs'), priority: 20 },
            { name: 'vendor', test: pkg('.+?'), priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
