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
  ];

  test('Every route survives a round trip through its address', () => {
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  test('Unknown or malformed addresses are "not found", not an error', () => {
    for (const hash of ['#/nowhere', '#/quiz', '#/play/extra', '#/materials/a/b', '#/present']) {
      expect(parseRoute(hash)).toEqual({ name: 'not-found' });
    }
  });
});
