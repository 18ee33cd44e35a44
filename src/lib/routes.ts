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
  /** Presenter view: current and next slide, notes, timer (the laptop). `back`: where Esc returns. */
  | { name: 'present'; materialId: string; back?: 'run' }
  /** Audience view: the slide alone, full screen (the projector). */
  | { name: 'project'; materialId: string; back?: 'run' }
  | { name: 'slogans' }
  | { name: 'help' }
  | { name: 'settings' }
  /** Facilitated sessions: the plans, the draft in progress and the recorded sessions. */
  | { name: 'sessions' }
  | { name: 'plan'; planId: string }
  /** A series of sessions for one audience, and where each group stands in it. */
  | { name: 'series'; seriesId: string }
  /** Running the session draft: agenda, timers, room tallies (on the projector). */
  | { name: 'run' }
  /** The record form of the session draft. */
  | { name: 'record' }
  | { name: 'session'; sessionId: string }
  /** Schools kept on this device and their coverage; one school; an activity at one. */
  | { name: 'schools' }
  | { name: 'school'; schoolId: string }
  | { name: 'school-activity'; schoolId: string; entryId?: string }
  /** The June action month: campaigns, one campaign (plan and log), its report. */
  | { name: 'campaigns' }
  | { name: 'campaign'; campaignId: string }
  | { name: 'campaign-report'; campaignId: string }
  /** Participation statistics and their exports; roll-up rounds of many units' files, and one round. */
  | { name: 'statistics' }
  | { name: 'rollups' }
  | { name: 'rollup'; rollupId: string }
  /** The unit's own question banks and quizzes; one bank; a question of it (new without an id). */
  | { name: 'banks' }
  | { name: 'bank'; bankId: string }
  | { name: 'question'; bankId: string; questionId?: string }
  /** Importing questions from a file or pasted text, into a new bank or at the end of `bankId`. */
  | { name: 'bank-import'; bankId?: string }
  /** Building an own quiz (`new` for a new one). */
  | { name: 'own-quiz'; quizId: string }
  /** The question paper and answer key of a bank (its UUID) or an own quiz (`own-…`). */
  | { name: 'bank-print'; id: string }
  /** Printing the answer cards a room holds up for the camera to read. */
  | { name: 'cards' }
  | { name: 'not-found' };

/** Screens shown without the app's header and footer. */
export const bareRoutes: ReadonlySet<Route['name']> = new Set(['present', 'project', 'run']);

const withId: Record<string, (id: string) => Route> = {
  quiz: (quizId) => ({ name: 'quiz', quizId }),
  result: (attemptId) => ({ name: 'result', attemptId }),
  materials: (materialId) => ({ name: 'material', materialId }),
  present: (materialId) => ({ name: 'present', materialId }),
  project: (materialId) => ({ name: 'project', materialId }),
  plan: (planId) => ({ name: 'plan', planId }),
  series: (seriesId) => ({ name: 'series', seriesId }),
  session: (sessionId) => ({ name: 'session', sessionId }),
  school: (schoolId) => ({ name: 'school', schoolId }),
  'school-activity': (schoolId) => ({ name: 'school-activity', schoolId }),
  campaign: (campaignId) => ({ name: 'campaign', campaignId }),
  'campaign-report': (campaignId) => ({ name: 'campaign-report', campaignId }),
  rollup: (rollupId) => ({ name: 'rollup', rollupId }),
  bank: (bankId) => ({ name: 'bank', bankId }),
  question: (bankId) => ({ name: 'question', bankId }),
  'own-quiz': (quizId) => ({ name: 'own-quiz', quizId }),
  'bank-print': (id) => ({ name: 'bank-print', id }),
};
const plain = new Set([
  'profiles',
  'play',
  'progress',
  'materials',
  'slogans',
  'help',
  'settings',
  'sessions',
  'run',
  'record',
  'schools',
  'campaigns',
  'statistics',
  'rollups',
  'banks',
  'bank-import',
  'cards',
]);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first = '', second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && first === 'bank-import') {
    // Adding to a bank: #/bank-import?bank=<id>.
    const bankId = new URLSearchParams(query).get('bank');
    return bankId ? { name: 'bank-import', bankId } : { name: 'bank-import' };
  }
  if (parts.length === 1 && plain.has(first)) return { name: first } as Route;
  const make = withId[first];
  if (parts.length === 2 && second && make) {
    const route = make(second);
    // Slides opened from a running session return to it.
    if (
      (route.name === 'present' || route.name === 'project') &&
      new URLSearchParams(query).get('back') === 'run'
    ) {
      return { ...route, back: 'run' };
    }
    // Editing a recorded activity: #/school-activity/<school>?entry=<id>.
    const entryId = new URLSearchParams(query).get('entry');
    if (route.name === 'school-activity' && entryId) return { ...route, entryId };
    // Editing a question: #/question/<bank>?q=<id>.
    const questionId = new URLSearchParams(query).get('q');
    if (route.name === 'question' && questionId) return { ...route, questionId };
    return route;
  }
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
      return `#/${route.name}/${encodeURIComponent(route.materialId)}${route.back ? `?back=${route.back}` : ''}`;
    case 'plan':
      return `#/plan/${encodeURIComponent(route.planId)}`;
    case 'series':
      return `#/series/${encodeURIComponent(route.seriesId)}`;
    case 'session':
      return `#/session/${encodeURIComponent(route.sessionId)}`;
    case 'school':
      return `#/school/${encodeURIComponent(route.schoolId)}`;
    case 'campaign':
    case 'campaign-report':
      return `#/${route.name}/${encodeURIComponent(route.campaignId)}`;
    case 'rollup':
      return `#/rollup/${encodeURIComponent(route.rollupId)}`;
    case 'bank':
      return `#/bank/${encodeURIComponent(route.bankId)}`;
    case 'question':
      return `#/question/${encodeURIComponent(route.bankId)}${route.questionId ? `?q=${encodeURIComponent(route.questionId)}` : ''}`;
    case 'bank-import':
      return `#/bank-import${route.bankId ? `?bank=${encodeURIComponent(route.bankId)}` : ''}`;
    case 'own-quiz':
      return `#/own-quiz/${encodeURIComponent(route.quizId)}`;
    case 'bank-print':
      return `#/bank-print/${encodeURIComponent(route.id)}`;
    case 'school-activity':
      return `#/school-activity/${encodeURIComponent(route.schoolId)}${route.entryId ? `?entry=${encodeURIComponent(route.entryId)}` : ''}`;
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
