import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { QuizInProgress } from '../../../src/features/quiz/quizInProgress.svelte';
import { saveFinishedAttempt } from '../../../src/lib/storage/attemptStore';
import type { Database } from '../../../src/lib/storage/connection';
import { saveSession } from '../../../src/lib/storage/sessionStore';
import { makeAttempt, makeSession } from '../../builders';
import { announceFromOtherTab, openTwoTabs } from './tabs';

const lan = '00000000-0000-4000-8000-00000000aaaa';
const minh = '00000000-0000-4000-8000-00000000bbbb';

let tabA: Database;
let tabB: Database;
let close: () => void;
const stops: Array<() => void> = [];

beforeEach(async () => {
  ({ tabA, tabB, close } = await openTwoTabs());
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  close();
});

describe('QuizInProgress', () => {
  test('Watching a learner reads their quiz in progress, and nobody else’s', async () => {
    const session = makeSession({ profileId: lan, currentIndex: 1 });
    await saveSession(tabA, session);
    await saveSession(tabA, makeSession({ profileId: minh, quizId: 'thpt' }));
    const inProgress = new QuizInProgress(tabA);
    stops.push(inProgress.watch(lan));

    await vi.waitFor(() => expect(inProgress.session).toEqual(session));
  });

  test('A learner without a quiz in progress has none', async () => {
    await saveSession(tabA, makeSession({ profileId: minh }));
    const inProgress = new QuizInProgress(tabA);
    stops.push(inProgress.watch(lan));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inProgress.session).toBeNull();
  });

  test('A quiz started, then finished, in another tab shows up here and then goes', async () => {
    const here = new QuizInProgress(tabB);
    stops.push(here.watch(lan));

    const session = makeSession({ profileId: lan });
    await saveSession(tabA, session);
    announceFromOtherTab('sessions');
    await vi.waitFor(() => expect(here.session).toEqual(session));

    await saveFinishedAttempt(tabA, makeAttempt({ profileId: lan }));
    announceFromOtherTab('sessions');
    await vi.waitFor(() => expect(here.session).toBeNull());
  });
});
