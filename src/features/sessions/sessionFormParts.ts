/**
 * What the parts of the session record form share: how a part hands a changed field up, and
 * a field's problem in the user's words.
 */
import { sessionLimits } from '../../lib/domain/ledger.schema';
import type { SessionField, SessionInput, SessionProblems } from '../../lib/domain/sessionRecord';
import { locale } from '../../lib/i18n/locale.svelte';

/** Hands one changed field of the form up (the form is saved as a whole at every change). */
export type UpdateField = <K extends keyof SessionInput>(field: K, value: SessionInput[K]) => void;

/**
 * The problem of a field, or undefined when it has none. Every age band shares one set of
 * messages; `answered` (the most answers a question received) and the longest duration fill
 * in the messages that name them.
 */
export function problemText(
  field: SessionField,
  problems: SessionProblems,
  answered: number,
): string | undefined {
  const problem = problems[field];
  if (!problem) return undefined;
  return locale.t(`sessions.problem.${field.replace(/^ageBands\..*/, 'ageBand')}.${problem}`, {
    answered,
    max: field === 'durationMinutes' ? sessionLimits.durationMinutes : undefined,
  });
}
