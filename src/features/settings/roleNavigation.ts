/**
 * The app's main places and which of them each role leads with. The header shows a role's
 * places as links and every other place under "More"; the home screen of a facilitator or a
 * school lists theirs first. With no role (or `all`) every place is a link, as before roles.
 */
import type { Route } from '../../lib/routes';
import type { Role } from './role.svelte';

export type NavPlace =
  | 'quizzes'
  | 'materials'
  | 'slogans'
  | 'sessions'
  | 'campaigns'
  | 'schools'
  | 'statistics'
  | 'progress'
  | 'profiles'
  | 'banks'
  | 'help';

export interface NavLink {
  place: NavPlace;
  route: Route;
  /** Message key of the link's text. */
  key: string;
  /** The screens that belong to this place (the link is marked current on each). */
  matches: Route['name'][];
  /** Message key of the line under it on a facilitator's or a school's home screen. */
  work?: string;
}

/** Every place, in the order of the full navigation. */
export const navLinks: readonly NavLink[] = [
  {
    place: 'quizzes',
    route: { name: 'home' },
    key: 'nav.quizzes',
    matches: ['home', 'quiz', 'play', 'result'],
  },
  {
    place: 'materials',
    route: { name: 'materials' },
    key: 'nav.materials',
    matches: ['materials', 'material'],
    work: 'home.work.materials',
  },
  { place: 'slogans', route: { name: 'slogans' }, key: 'nav.slogans', matches: ['slogans'] },
  {
    place: 'sessions',
    route: { name: 'sessions' },
    key: 'nav.sessions',
    work: 'home.work.sessions',
    matches: ['sessions', 'plan', 'record', 'session', 'cards'],
  },
  {
    place: 'campaigns',
    route: { name: 'campaigns' },
    key: 'nav.campaigns',
    work: 'home.work.campaigns',
    matches: ['campaigns', 'campaign', 'campaign-report'],
  },
  {
    place: 'schools',
    route: { name: 'schools' },
    key: 'nav.schools',
    work: 'home.work.schools',
    matches: ['schools', 'school', 'school-activity'],
  },
  {
    place: 'statistics',
    route: { name: 'statistics' },
    key: 'nav.statistics',
    work: 'home.work.statistics',
    matches: ['statistics', 'rollups', 'rollup'],
  },
  {
    place: 'banks',
    route: { name: 'banks' },
    key: 'nav.banks',
    matches: ['banks', 'bank', 'question', 'bank-import', 'own-quiz', 'bank-print'],
  },
  { place: 'progress', route: { name: 'progress' }, key: 'nav.progress', matches: ['progress'] },
  { place: 'profiles', route: { name: 'profiles' }, key: 'nav.profiles', matches: ['profiles'] },
  { place: 'help', route: { name: 'help' }, key: 'nav.help', matches: ['help', 'settings'] },
];

/**
 * The places each role leads with, from the users in shared/docs/product.md. Four at most
 * besides Help, so the header stays one or two lines on a phone; Help (where to get help,
 * and Settings) is in every set, because anyone may need it at once.
 * - learner: students on their own phone or a school computer take quizzes, read the short
 *   materials and follow their own progress (their profile is the nickname link beside).
 * - facilitator: union officers, outreach workers, teachers running a class session and the
 *   action-month coordinators run sessions and the June campaign, present the materials, and
 *   report the figures upward. Slogans are printed once a year: under More.
 * - school: a school's board or teacher in charge records its classes and activities (the
 *   coverage), reports the figures to the education office, and uses the materials in class.
 */
export const rolePlaces: Readonly<Record<Exclude<Role, 'all'>, readonly NavPlace[]>> = {
  learner: ['quizzes', 'materials', 'progress', 'help'],
  facilitator: ['sessions', 'campaigns', 'materials', 'statistics', 'help'],
  school: ['schools', 'statistics', 'materials', 'help'],
};

/** The links a role shows and the ones it keeps under "More", each in the role's order. */
export function splitNavigation(role: Role | null): { shown: NavLink[]; more: NavLink[] } {
  if (role === null || role === 'all') return { shown: [...navLinks], more: [] };
  const places = rolePlaces[role];
  const shown = places.flatMap((place) => navLinks.filter((link) => link.place === place));
  return { shown, more: navLinks.filter((link) => !places.includes(link.place)) };
}

/** Whether `link` is the place of the screen `current` (exactly, or one of its screens). */
export function linkState(link: NavLink, current: Route['name']): 'page' | 'true' | undefined {
  if (link.route.name === current) return 'page';
  return link.matches.includes(current) ? 'true' : undefined;
}
