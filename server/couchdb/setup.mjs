#!/usr/bin/env node
/**
 * Sets up a province's CouchDB database for the kit's sync (Apache CouchDB 3.x; tests run it
 * against pouchdb-server): creates the database, installs `_design/chung-tay` (the server-side
 * write rules, `designDoc.mjs`), limits reading to the province's accounts (`_security`),
 * writes the unit tree, and creates one account per unit of a list, each with a new random
 * password. The passwords go to a file only the IT officer reads (mode 600), never to the
 * terminal or a log.
 *
 *   COUCHDB_USER=admin COUCHDB_PASSWORD=… node server/couchdb/setup.mjs \
 *     --url https://couch.example.gov.vn --db chung-tay-hung-yen --units units.json --out accounts.csv
 *
 * units.json: { "units": [ { "id": "<uuid>", "name": "Xã Quang Châu", "kind": "commune",
 *   "parentId": "<uuid of the unit above, if any>", "login": "xa-quang-chau", "access": "write" } ] }
 * `access`: "write" for a unit that records and syncs its own figures, "read" for a level that
 * only looks (a district, the province); leave `login` out for a unit without an account.
 * Running it again adds new units and accounts and leaves existing accounts' passwords alone.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { designDoc } from './designDoc.mjs';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const loginPattern = /^[a-z0-9][a-z0-9._-]{1,60}$/;
const unitKinds = ['enterprise', 'school', 'class', 'industrial-zone', 'commune', 'union', 'agency', 'other'];

/**
 * @typedef {{ id: string, name: string, kind: string, parentId?: string, login?: string,
 *   access?: 'write' | 'read' }} UnitEntry
 */

/**
 * Checks a units list; returns the problems, one per line, empty when it is usable.
 * @param {any} units
 * @returns {string[]}
 */
export function checkUnits(units) {
  const problems = [];
  if (!Array.isArray(units) || units.length === 0) return ['"units" must be a non-empty list'];
  const ids = new Set(units.map((u) => u && u.id));
  const logins = new Set();
  units.forEach((unit, i) => {
    const at = `units[${i}]`;
    if (!unit || typeof unit !== 'object') return problems.push(`${at}: not an object`);
    if (typeof unit.id !== 'string' || !uuid.test(unit.id)) problems.push(`${at}.id: a lowercase UUID`);
    if (typeof unit.name !== 'string' || !unit.name.trim() || unit.name.length > 120)
      problems.push(`${at}.name: 1–120 characters`);
    if (!unitKinds.includes(unit.kind)) problems.push(`${at}.kind: one of ${unitKinds.join(', ')}`);
    if (unit.parentId !== undefined && !ids.has(unit.parentId))
      problems.push(`${at}.parentId: not a unit of the list`);
    if (unit.login !== undefined) {
      if (typeof unit.login !== 'string' || !loginPattern.test(unit.login))
        problems.push(`${at}.login: lowercase letters, digits, dot, dash or underscore`);
      else if (logins.has(unit.login)) problems.push(`${at}.login: "${unit.login}" is used twice`);
      logins.add(unit.login);
      if (unit.access !== 'write' && unit.access !== 'read') problems.push(`${at}.access: "write" or "read"`);
    }
  });
  if (ids.size !== units.length) problems.push('unit ids must be unique');
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const unit of units) {
    const seen = new Set();
    for (let at = unit; at?.parentId; at = byId.get(at.parentId)) {
      if (seen.has(at.id)) {
        problems.push(`unit "${unit.name}" lies under itself`);
        break;
      }
      seen.add(at.id);
    }
  }
  return problems;
}

/**
 * The chain of unit ids from the top down to `id`.
 * @param {string} id
 * @param {Map<string, UnitEntry>} byId
 */
export function scopeOf(id, byId) {
  const chain = [];
  for (let unit = byId.get(id); unit; unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    chain.unshift(unit.id);
    if (chain.length > 32) break;
  }
  return chain;
}

/**
 * Does the set-up through CouchDB's HTTP API. `admin` is a server admin's name and password.
 * Resolves to the accounts created now (login, password, unit, access); existing ones are
 * kept as they are and not returned.
 * @param {{ url: string, db: string, admin: { name: string, password: string }, units: UnitEntry[], now?: Date }} options
 */
export async function setupProvince({ url, db, admin, units, now = new Date() }) {
  const problems = checkUnits(units);
  if (problems.length > 0) throw new Error(`The units list has problems:\n${problems.join('\n')}`);
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) throw new Error(`"${db}" is not a valid CouchDB database name`);
  const base = url.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  /** @param {string} method @param {string} path @param {unknown} [body] @param {number[]} [expected] */
  const call = async (method, path, body, expected = [200, 201, 202]) => {
    const response = await fetch(`${base}/${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = await response.json().catch(() => ({}));
    if (!expected.includes(response.status)) {
      throw new Error(
        `${method} /${path.replace(/\/.*$/, '/…')}: ${response.status} ${data.error ?? ''} ${data.reason ?? ''}`,
      );
    }
    return { status: response.status, data };
  };
  /** @param {string} path @param {object} doc */
  const upsert = async (path, doc) => {
    const found = await call('GET', path, undefined, [200, 404]);
    const rev = found.status === 200 ? { _rev: found.data._rev } : {};
    return call('PUT', path, { ...found.data, ...doc, ...rev });
  };

  await call('PUT', db, undefined, [201, 412]); // 412: it exists already
  await upsert(`${db}/_design/chung-tay`, designDoc);
  const member = `member:${db}`;
  await call('PUT', `${db}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [member] },
  });

  const byId = new Map(units.map((u) => [u.id, u]));
  const at = now.toISOString();
  for (const unit of units) {
    const record = {
      id: unit.id,
      name: unit.name.trim(),
      kind: unit.kind,
      ...(unit.parentId ? { parentId: unit.parentId } : {}),
      createdAt: at,
      updatedAt: at,
    };
    const path = `${db}/unit:${unit.id}`;
    const found = await call('GET', path, undefined, [200, 404]);
    if (found.status === 200) continue; // a unit already there may have been edited since: keep it
    await call('PUT', path, { type: 'unit', record, scope: scopeOf(unit.id, byId), writer: admin.name });
  }

  const created = [];
  for (const unit of units) {
    if (!unit.login) continue;
    const path = `_users/org.couchdb.user:${encodeURIComponent(unit.login)}`;
    const found = await call('GET', path, undefined, [200, 404]);
    if (found.status === 200) continue;
    const password = randomBytes(12).toString('base64url');
    const roles = [member, unit.access === 'write' ? `unit:${unit.id}` : `reader:${unit.id}`];
    await call('PUT', path, {
      _id: `org.couchdb.user:${unit.login}`,
      name: unit.login,
      type: 'user',
      roles,
      password,
    });
    created.push({ login: unit.login, password, unitId: unit.id, unitName: unit.name, access: unit.access });
  }
  return created;
}

/** @param {unknown} value */
const csvCell = (value) => `"${String(value).replace(/"/g, '""')}"`;

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      db: { type: 'string' },
      units: { type: 'string' },
      out: { type: 'string', default: 'accounts.csv' },
    },
  });
  const name = process.env.COUCHDB_USER;
  const password = process.env.COUCHDB_PASSWORD;
  if (!values.url || !values.db || !values.units || !name || !password) {
    console.error(
      'Usage: COUCHDB_USER=… COUCHDB_PASSWORD=… node server/couchdb/setup.mjs --url URL --db NAME --units units.json [--out accounts.csv]',
    );
    process.exit(2);
  }
  const { units } = JSON.parse(readFileSync(values.units, 'utf8'));
  const accounts = await setupProvince({ url: values.url, db: values.db, admin: { name, password }, units });
  const rows = [
    ['login', 'password', 'unit', 'unitId', 'access'],
    ...accounts.map((a) => [a.login, a.password, a.unitName, a.unitId, a.access]),
  ];
  writeFileSync(values.out, `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, {
    mode: 0o600,
  });
  process.stdout.write(
    `Database "${values.db}" ready: ${units.length} units, ${accounts.length} new accounts written to ${values.out}.\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
