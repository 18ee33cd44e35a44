/**
 * The session draft, saved at every change so that a closed tab or a crash loses nothing.
 */
import { sessionDraftKey, sessionDraftSchema, type SessionDraft } from '../domain/sessionDraft.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

export async function getSessionDraft(db: Database): Promise<SessionDraft | undefined> {
  return getParsed(db, 'drafts', sessionDraftSchema, sessionDraftKey);
}

export async function saveSessionDraft(db: Database, draft: SessionDraft): Promise<void> {
  const record = sessionDraftSchema.parse(draft);
  await writeTransaction(db, ['drafts'], (tx) => tx.objectStore('drafts').put(record));
  announceChange('drafts');
}

export async function deleteSessionDraft(db: Database): Promise<void> {
  await writeTransaction(db, ['drafts'], (tx) => tx.objectStore('drafts').delete(sessionDraftKey));
  announceChange('drafts');
}
