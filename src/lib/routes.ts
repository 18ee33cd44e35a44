/**
 * The app's addresses. Routing is by URL hash, so the app runs from any static host or
 * folder and every screen works offline from the service worker's cache.
 */
export type Route =
  | { name: 'home' }
  | { name: 'profiles' }
  | { name: 'quiz'; quizId: string }
  | { name: 'play' }
  | { name: 'result'; attemptId: string }
  | { name: 'progress' }
  | { name: 'materials' }
  | { name: 'material'; materialId: string }
  /** Presenter view: current and next slide, notes, timer (the laptop). */
  | { name: 'present'; materialId: string }
  /** Audience view: the slide alone, full screen (the projector). */
  | { name: 'project'; materialId: string }
  | { name: 'slogans' }
  | { name: 'help' }
  | { name: 'settings' }
  | { name: 'not-found' };

/** Screens shown without the app's header and footer. */
export const bareRoutes: ReadonlySet<Route['name']> = new Set(['present', 'project']);

const withId: Record<string, (id: string) => Route> = {
  quiz: (quizId) => ({ name: 'quiz', quizId }),
  result: (attemptId) => ({ name: 'result', attemptId }),
  materials: (materialId) => ({ name: 'material', materialId }),
  present: (materialId) => ({ name: 'present', materialId }),
  project: (materialId) => ({ name: 'project', materialId }),
};
const plain = new Set(['profiles', 'play', 'progress', 'materials', 'slogans', 'help', 'settings']);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first = '', second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && plain.has(first)) return { name: first } as Route;
  const make = withId[first];
  if (parts.length === 2 && second && make) return make(second);
  return { name: 'not-found' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'quiz':
      return `#/quiz/${encodeURIComponent(route.quizId)}`;
    case 'result':
      return `#/result/${encodeURIComponent(route.attemptId)}`;
    case 'material':
      return `#/materials/${encodeURIComponent(route.materialId)}`;
    case 'present':
    case 'project':
      return `#/${route.name}/${encodeURIComponent(route.materialId)}`;
    default:
      return `#/${route.name}`;
  }
}

/** Goes to a route; `replace` keeps the current screen out of the back history (a finished quiz). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const target = href(route);
  if (options.replace) location.replace(target);
  else location.hash = target;
}
