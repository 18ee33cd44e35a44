/**
 * Preloaded into pouchdb-server (`pouchdbServer.mjs`, `node --import`): pouchdb-validation
 * 4.2 replaces the revision history of every document it validates with the stored
 * document's, so a replicated edit (`_bulk_docs` with `new_edits: false`, a revision 2 whose
 * history names revision 1) is silently dropped whenever a `validate_doc_update` is
 * installed. CouchDB keeps the incoming history; so does this copy, by setting the old one
 * only when the document brings none.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

const target = join('pouchdb-validation', 'lib', 'index.js');
const bug = 'newDoc._revisions = (oldDoc || {})._revisions;';
const fix = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';
/** @type {Record<string, (module: any, filename: string) => unknown>} */
const extensions = /** @type {any} */ (Module)._extensions;
const load = extensions['.js'];
extensions['.js'] = function (module, filename) {
  if (!filename.endsWith(target)) return load?.(module, filename);
  const source = readFileSync(filename, 'utf8');
  if (!source.includes(bug)) throw new Error(`validationFix: ${filename} no longer has the line it mends`);
  return module._compile(source.replace(bug, fix), filename);
};
