import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Matches modules of the given packages (a regex alternation) inside node_modules, on any OS. */
const inPackages = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

// The staff web app. Fastify serves dist/web; in development Vite proxies the API to it.
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // Pages are lazy routes, so each antd component lands with the pages that use it;
        // only the pieces every screen needs are grouped into long-lived vendor chunks.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: inPackages('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'),
              priority: 30,
            },
            { name: 'antd-icons', test: inPackages('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'), priority: 25 },
            {
              name: 'antd-core',
              test: inPackages(
                '@ant-design[\\\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\\\/]util|@emotion[\\\\/][^\\\\/]+|stylis|clsx|classnames|dayjs',
              ),
              priority: 20,
            },
            // The charts' library and its drawing engine, loaded only by the screens that draw
            // charts, in two pieces of under the size limit each.
            { name: 'zrender', test: inPackages('zrender'), priority: 16 },
            { name: 'echarts', test: inPackages('echarts'), priority: 15 },
            {
              name: 'vendor',
              test: inPackages('@tanstack[\\\\/][^\\\\/]+|i18next|react-i18next|html-parse-stringify|void-elements'),
              priority: 10,
            },
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
