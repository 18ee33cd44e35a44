/**
 * What screens and features share at run time: the database connection and the learner
 * profiles. Set once by the App shell, read with `appContext()`.
 */
import { getContext, setContext } from 'svelte';
import type { Database } from '../lib/storage/connection';
import type { ProfilesState } from './profiles/profiles.svelte';
import { ownCatalog } from './quiz/ownCatalog.svelte';

export interface AppContext {
  db: Database;
  profiles: ProfilesState;
}

const key = Symbol('chung-tay');

export function provideAppContext(context: AppContext): void {
  setContext(key, context);
  // Own quizzes are named wherever bundled ones are: read them once storage is open.
  void ownCatalog.load(context.db);
}

export function appContext(): AppContext {
  const context = getContext<AppContext | undefined>(key);
  if (!context) throw new Error('appContext() used outside the App shell');
  return context;
}
