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
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'profiles' && parts.length === 1) return { name: 'profiles' };
  if (first === 'quiz' && second && parts.length === 2) return { name: 'quiz', quizId: second };
  if (first === 'play' && parts.length === 1) return { name: 'play' };
  if (first === 'result' && second && parts.length === 2) return { name: 'result', attemptId: second };
  if (first === 'progress' && parts.length === 1) return { name: 'progress' };
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
