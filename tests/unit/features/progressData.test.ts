import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ProgressData } from '../../../src/features/progress/progressData.svelte';
import { saveFinishedAttempt } from '../../../src/lib/storage/attemptStore';
import type { Database } from '../../../src/lib/storage/connection';
import { makeAnswer, makeAttempt } from '../../builders';
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

/** Attempts finished a minute apart, the last one newest. */
async function finishAttempts(db: Database, count: number, profileId = lan) {
  const attempts = Array.from({ length: count }, (_, i) =>
    makeAttempt({ profileId, finishedAt: new Date(Date.UTC(2026, 9, 1, 8, i)).toISOString() }),
  );
  for (const attempt of attempts) await saveFinishedAttempt(db, attempt);
  return attempts;
}

describe('ProgressData', () => {
  test('Watching a learner loads their summary and their newest twenty attempts, and more on request', async () => {
    const attempts = await finishAttempts(tabA, 25);
    const data = new ProgressData(tabA);
    stops.push(data.watch(lan));

    await vi.waitFor(() => expect(data.progress?.attemptCount).toBe(25));
    expect(data.recent.map((a) => a.id)).toEqual(
      attempts
        .slice(5)
        .reverse()
        .map((a) => a.id),
    );

    await data.showMore();
    expect(data.recent.map((a) => a.id)).toEqual([...attempts].reverse().map((a) => a.id));
  });

  test('A learner sees only their own attempts', async () => {
    await finishAttempts(tabA, 2, minh);
    const data = new ProgressData(tabA);
    stops.push(data.watch(lan));

    await vi.waitFor(() => expect(data.progress).not.toBeNull());
    expect(data.progress?.attemptCount).toBe(0);
    expect(data.recent).toEqual([]);
  });

  test('An attempt finished in another tab shows up here when that tab announces it', async () => {
    const here = new ProgressData(tabB);
    stops.push(here.watch(lan));
    await vi.waitFor(() => expect(here.progress?.attemptCount).toBe(0));

    const [attempt] = await finishAttempts(tabA, 1);
    expect(here.recent).toEqual([]);
    announceFromOtherTab('attempts');

    await vi.waitFor(() => expect(here.recent.map((a) => a.id)).toEqual([attempt?.id]));
    expect(here.progress?.attemptCount).toBe(1);
  });

  test('After watching stops, another tab’s announcement changes nothing here', async () => {
    const here = new ProgressData(tabB);
    const stop = here.watch(lan);
    await vi.waitFor(() => expect(here.progress?.attemptCount).toBe(0));
    stop();

    await finishAttempts(tabA, 1);
    announceFromOtherTab('attempts');
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(here.progress?.attemptCount).toBe(0);
  });

  test('A result is shown with the learner’s best on that quiz in its own mode, and never to another learner', async () => {
    const wrong = makeAnswer({ correct: false });
    const weaker = makeAttempt({ mode: 'contest', answers: [makeAnswer(), wrong] });
    const best = makeAttempt({ mode: 'contest', answers: [makeAnswer(), makeAnswer()] });
    const practice = makeAttempt({ mode: 'practice', answers: [makeAnswer(), makeAnswer()], durationMs: 1 });
    for (const attempt of [weaker, best, practice]) await saveFinishedAttempt(tabA, attempt);
    const data = new ProgressData(tabA);

    const shown = await data.result(weaker.id, lan);
    expect(shown?.attempt).toEqual(weaker);
    expect(shown?.best?.id).toBe(best.id);
    expect((await data.result(practice.id, lan))?.best?.id).toBe(practice.id);
    expect(await data.result(weaker.id, minh)).toBeNull();
    expect(await data.result(weaker.id, undefined)).toBeNull();
    expect(await data.result(crypto.randomUUID(), lan)).toBeNull();
  });

  test('The best score on a quiz is in percent for each mode, and null before a first attempt in it', async () => {
    await saveFinishedAttempt(tabA, makeAttempt({ answers: [makeAnswer(), makeAnswer({ correct: false })] }));
    const data = new ProgressData(tabA);

    expect(await data.bestPercents(lan, 'thcs')).toEqual({ practice: 50, contest: null });
    expect(await data.bestPercents(lan, 'thpt')).toEqual({ practice: null, contest: null });
    expect(await data.bestPercents(minh, 'thcs')).toEqual({ practice: null, contest: null });
  });
});
