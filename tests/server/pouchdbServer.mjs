/**
 * A throw-away sync server for tests: pouchdb-server (the same replication protocol, users,
 * `_security` and `validate_doc_update` as Apache CouchDB, which Debian does not package) in
 * memory on loopback, with one server admin. Its config and log go to a temporary folder.
 * `validationFix.mjs` mends one bug of its validation plugin (replicated edits dropped).
 * `stop()` ends it and removes the folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server; resolves when it answers, with its URL, admin and `stop`. */
export async function startPouchdbServer({ admin = { name: 'admin', password: 'admin-pass-123' } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'chung-tay-couch-'));
  const port = await freePort();
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const child = spawn(
    process.execPath,
    [
      '--import',
      new URL('./validationFix.mjs', import.meta.url).href,
      bin,
      '--in-memory',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--config',
      join(dir, 'config.json'),
      '--no-stdout-logs',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || tries > 300) {
      await stop();
      throw new Error(`pouchdb-server did not start: ${errors.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Leave the "admin party" (everyone an admin): one server admin, as on a real server.
  const made = await fetch(`${url}/_config/admins/${admin.name}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!made.ok) throw new Error(`could not create the server admin: ${made.status}`);
  // Let the app's pages (another origin: the e2e preview server) sync, as a province's IT
  // enables CORS on CouchDB for the kit's address (README).
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  for (const [path, value] of [
    ['httpd/enable_cors', 'true'],
    ['cors/origins', '*'],
    ['cors/credentials', 'true'],
    ['cors/methods', 'GET, PUT, POST, HEAD, DELETE'],
    ['cors/headers', 'accept, authorization, content-type, origin, referer'],
  ]) {
    const set = await fetch(`${url}/_config/${path}`, {
      method: 'PUT',
      headers: { authorization },
      body: JSON.stringify(value),
    });
    if (!set.ok) throw new Error(`could not set ${path}: ${set.status}`);
  }
  return { url, port, admin, stop };
}
