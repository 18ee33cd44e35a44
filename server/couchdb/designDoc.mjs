/**
 * The design document the kit installs in a province's CouchDB database (`setup.mjs`): its
 * `validate_doc_update` is where the server, not the app, enforces who may write what.
 *
 * A synced document is one record of the kit: `{ _id: '<type>:<record id>', type: 'unit' |
 * 'ledger' | 'campaign' | 'round', record, scope, writer }`, where `scope` is the chain of unit
 * ids from the top down to the record's unit (for a unit, itself; for a reporting round, its
 * receiving unit) and `writer` the account that wrote it. An account for a unit has the role
 * `unit:<its unit id>` and may write only records whose scope holds its unit, and may change
 * or delete only documents whose stored scope already held it (so it cannot take over another
 * unit's record by rewriting the scope); it must sign what it writes with its own name; the
 * shape must be the kit's. A reading account (a district or province that only looks, role
 * `reader:<its unit id>`) writes only its own unit's reporting rounds, which any account
 * writes only for its own unit (the round's receiving unit). Server admins (the province's
 * IT) may write anything: they install this document and the unit tree.
 *
 * CouchDB runs the function in its own JavaScript engine, from its source text: it is written
 * in plain ES5 and uses nothing from outside itself.
 */

/**
 * @typedef {{ _id: string, _rev?: string, _deleted?: boolean, type?: string, writer?: string,
 *   scope?: any, record?: any }} SyncDoc
 * @param {SyncDoc} newDoc
 * @param {SyncDoc | null} oldDoc
 * @param {{ name: string | null, roles?: string[] }} userCtx
 */
export function validateDocUpdate(newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (!userCtx.name) throw { unauthorized: 'Sign in to write. / Hãy đăng nhập để ghi dữ liệu.' };
  if (newDoc._id.indexOf('_design/') === 0)
    throw { forbidden: 'Only the server admin changes design documents.' };

  /** @type {string[]} */
  var units = [];
  /** @type {string[]} */
  var readers = [];
  for (var r = 0; r < roles.length; r++) {
    var role = String(roles[r]);
    if (role.indexOf('unit:') === 0) units.push(role.slice(5));
    if (role.indexOf('reader:') === 0) readers.push(role.slice(7));
  }
  // A round (the _id fixes the type) is written by the accounts of its receiving unit only.
  var round = newDoc._id.indexOf('round:') === 0;
  var mine = round ? units.concat(readers) : units;
  if (mine.length === 0) throw { forbidden: 'This account can read, not write.' };

  var uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  /** @param {unknown} value @returns {value is any[]} */
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  /** @param {SyncDoc | null} doc */
  function holdsMine(doc) {
    if (!doc || !isArray(doc.scope)) return false;
    if (round) return mine.indexOf(doc.scope[doc.scope.length - 1]) !== -1;
    for (var i = 0; i < doc.scope.length; i++) if (mine.indexOf(doc.scope[i]) !== -1) return true;
    return false;
  }

  if (oldDoc && !oldDoc._deleted && !holdsMine(oldDoc))
    throw { forbidden: 'This record belongs to another unit.' };
  if (newDoc._deleted) {
    if (!oldDoc || oldDoc._deleted) throw { forbidden: 'Nothing to delete.' };
    return;
  }
  if (newDoc.writer !== userCtx.name)
    throw { forbidden: 'A record must be signed by the account that writes it.' };

  var record = newDoc.record;
  if (
    newDoc.type !== 'unit' &&
    newDoc.type !== 'ledger' &&
    newDoc.type !== 'campaign' &&
    newDoc.type !== 'round'
  )
    throw { forbidden: 'Unknown record type.' };
  if (!record || typeof record !== 'object' || isArray(record)) throw { forbidden: 'A record is missing.' };
  if (typeof record.id !== 'string' || !uuid.test(record.id))
    throw { forbidden: 'A record needs a UUID id.' };
  if (newDoc._id !== newDoc.type + ':' + record.id)
    throw { forbidden: 'The document id must be type:record id.' };
  if (typeof record.createdAt !== 'string' || !instant.test(record.createdAt))
    throw { forbidden: 'A record needs its creation time.' };
  if (
    typeof record.updatedAt !== 'string' ||
    !instant.test(record.updatedAt) ||
    record.updatedAt < record.createdAt
  )
    throw { forbidden: 'A record needs its edit time, not before its creation.' };
  if (!isArray(newDoc.scope) || newDoc.scope.length < 1 || newDoc.scope.length > 32)
    throw { forbidden: 'A record needs the chain of units it lies under.' };
  for (var s = 0; s < newDoc.scope.length; s++) {
    if (typeof newDoc.scope[s] !== 'string' || !uuid.test(newDoc.scope[s]))
      throw { forbidden: 'The chain of units holds unit ids only.' };
  }
  var own = newDoc.type === 'unit' ? record.id : round ? record.receiverId : record.unitId;
  if (newDoc.scope[newDoc.scope.length - 1] !== own)
    throw { forbidden: "The chain of units must end at the record's unit." };
  if (newDoc.type === 'unit') {
    if (typeof record.name !== 'string' || record.name.length < 1 || record.name.length > 120)
      throw { forbidden: 'A unit needs a name.' };
    if (record.parentId !== undefined && record.parentId !== newDoc.scope[newDoc.scope.length - 2])
      throw { forbidden: "A unit's parent must be the unit above it in the chain." };
  } else if (round) {
    if (typeof record.name !== 'string' || record.name.length < 1 || record.name.length > 200)
      throw { forbidden: 'A round needs a name.' };
    if (typeof record.receiverId !== 'string' || !uuid.test(record.receiverId))
      throw { forbidden: 'A round is shared under its receiving unit.' };
  } else {
    if (newDoc.type === 'ledger') {
      var kinds = ['session', 'school-activity', 'campaign-activity'];
      if (kinds.indexOf(record.kind) === -1) throw { forbidden: 'Only sessions and activities are shared.' };
    }
    if (typeof record.unitId !== 'string' || !uuid.test(record.unitId))
      throw { forbidden: 'A record needs its unit.' };
  }
  if (!holdsMine(newDoc))
    throw {
      forbidden: round
        ? "An account writes only its own unit's reporting rounds."
        : "A unit's account writes only records of its own unit and the units under it.",
    };
}

/**
 * The replication filter a device pulls through (`filter: 'chung-tay/scope'`): the documents
 * of its account's unit and of every unit under it (`unit`), the units above it (`above`,
 * comma-separated ids, so its tree is whole on the device), and every deletion (a deleted
 * document keeps no body to test); a reporting round goes only to its receiving unit's devices. It saves a commune's phone from the whole province; it
 * is not a permission — who may read is the database's `_security`.
 * @param {SyncDoc} doc
 * @param {{ query: { unit?: string, above?: string } }} req
 */
export function scopeFilter(doc, req) {
  if (doc._deleted) return true;
  var unit = req.query.unit;
  if (!unit || !doc.scope || !doc.scope.indexOf) return false;
  if (doc.type === 'round') return doc.scope[doc.scope.length - 1] === unit;
  if (doc.scope.indexOf(unit) !== -1) return true;
  var above = String(req.query.above || '').split(',');
  return doc.type === 'unit' && !!doc.record && above.indexOf(doc.record.id) !== -1;
}

/** `_design/chung-tay`: the validation and the filter, as CouchDB stores them (source text). */
export const designDoc = {
  _id: '_design/chung-tay',
  language: 'javascript',
  validate_doc_update: validateDocUpdate.toString(),
  filters: { scope: scopeFilter.toString() },
};
