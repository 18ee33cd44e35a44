import { describe, expect, test } from 'vitest';
import { href, parseRoute, type Route } from '../../src/lib/routes';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'profiles' },
    { name: 'quiz', quizId: 'thcs' },
    { name: 'play' },
    { name: 'result', attemptId: '6f1c2a0e-1d2b-4c3d-8e4f-5a6b7c8d9e01' },
    { name: 'progress' },
    { name: 'materials' },
    { name: 'material', materialId: 'ma-tuy-nup-bong' },
    { name: 'present', materialId: 'ma-tuy-nup-bong' },
    { name: 'project', materialId: 'ma-tuy-nup-bong' },
    { name: 'slogans' },
    { name: 'help' },
    { name: 'settings' },
    { name: 'schools' },
    { name: 'school', schoolId: '3c1d5e7f-0a2b-4c6d-8e9f-1a2b3c4d5e02' },
    { name: 'school-activity', schoolId: '3c1d5e7f-0a2b-4c6d-8e9f-1a2b3c4d5e02' },
    {
      name: 'school-activity',
      schoolId: '3c1d5e7f-0a2b-4c6d-8e9f-1a2b3c4d5e02',
      entryId: '3c1d5e7f-0a2b-4c6d-8e9f-1a2b3c4d5e31',
    },
    { name: 'banks' },
    { name: 'bank', bankId: '5e1f0c2a-7b3d-4e8f-9a1b-2c3d4e5f6a01' },
    { name: 'question', bankId: '5e1f0c2a-7b3d-4e8f-9a1b-2c3d4e5f6a01' },
    {
      name: 'question',
      bankId: '5e1f0c2a-7b3d-4e8f-9a1b-2c3d4e5f6a01',
      questionId: 'q-7d2e1f0a-3b4c-4d5e-8f6a-7b8c9d0e1f01',
    },
    { name: 'bank-import' },
    { name: 'bank-import', bankId: '5e1f0c2a-7b3d-4e8f-9a1b-2c3d4e5f6a01' },
    { name: 'own-quiz', quizId: 'new' },
    { name: 'bank-print', id: 'own-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01' },
    { name: 'cards' },
  ];

  test('Every route survives a round trip through its address', () => {
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  test('Unknown or malformed addresses are "not found", not an error', () => {
    for (const hash of ['#/nowhere', '#/quiz', '#/play/extra', '#/materials/a/b', '#/present', '#/cards/1']) {
      expect(parseRoute(hash)).toEqual({ name: 'not-found' });
    }
  });
});
