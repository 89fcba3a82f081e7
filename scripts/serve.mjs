// A tiny static server for local pages (npm start, e2e tests, benchmarks). Binds to
// 127.0.0.1 only. Routes can carry extra headers (e.g. a strict Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves files from `root` and in-memory `pages` ({ path: { body, headers } }).
 * Resolves to { url, close, setPage }.
 */
export async function serve({ root, pages = {}, port = 0 } = {}) {
  const dynamic = new Map(Object.entries(pages));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const page = dynamic.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
      res.end(page.body);
      return;
    }
    if (!root) {
      res.writeHead(404).end('not found');
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    setPage: (path, body, headers = {}) => dynamic.set(path, { body, headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
