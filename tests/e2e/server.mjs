// A static server for the built app (dist/), for end-to-end tests and the benchmark.
// It can also pretend a new version was deployed (`publishNewVersion`): the service
// worker script changes by one comment, which is how a browser learns of an update.
//
//   node tests/e2e/server.mjs [root=dist] [port=4173]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{ root?: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, publishNewVersion: () => void, close: () => Promise<void> }>}
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  let version = 0;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // Hashed assets may be cached; the entry points must always be revalidated.
      'cache-control': /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (path === '/sw.js' && version > 0) {
      const body = `${await readFile(file, 'utf8')}\n// test deployment ${version}\n`;
      response.writeHead(200, headers).end(body);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': size });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(port, host, () => done(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    publishNewVersion: () => {
      version += 1;
    },
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '4173'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Serving ${root} at ${url}`);
}
