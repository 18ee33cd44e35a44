/**
 * Which code and which messages each screen needs, and loading them. The first screen's
 * loading starts in main.ts while storage opens, so a deep link (a quiz, a material) does
 * not wait for start-up to finish before fetching its screen.
 */
import type { Component } from 'svelte';
import { loadMessageGroups, type MessageGroup } from '../lib/i18n/i18n';
import type { Route } from '../lib/routes';
import HomeScreen from '../screens/home/HomeScreen.svelte';

export type ScreenComponent = Component<Record<string, string>>;
type ScreenModule = { default: ScreenComponent };

const modules: Record<Route['name'], () => Promise<ScreenModule>> = {
  home: () => Promise.resolve({ default: HomeScreen as ScreenComponent }),
  profiles: () => import('../screens/profiles/ProfilesScreen.svelte') as Promise<ScreenModule>,
  quiz: () => import('../screens/quiz/QuizScreen.svelte') as Promise<ScreenModule>,
  play: () => import('../screens/play/PlayScreen.svelte') as Promise<ScreenModule>,
  result: () => import('../screens/result/ResultScreen.svelte') as Promise<ScreenModule>,
  progress: () => import('../screens/progress/ProgressScreen.svelte') as Promise<ScreenModule>,
  materials: () => import('../screens/materials/MaterialsScreen.svelte') as Promise<ScreenModule>,
  material: () => import('../screens/material/MaterialScreen.svelte') as Promise<ScreenModule>,
  present: () => import('../screens/present/PresentScreen.svelte') as Promise<ScreenModule>,
  project: () => import('../screens/project/ProjectScreen.svelte') as Promise<ScreenModule>,
  slogans: () => import('../screens/slogans/SlogansScreen.svelte') as Promise<ScreenModule>,
  help: () => import('../screens/help/HelpScreen.svelte') as Promise<ScreenModule>,
  settings: () => import('../screens/settings/SettingsScreen.svelte') as Promise<ScreenModule>,
  sessions: () => import('../screens/sessions/SessionsScreen.svelte') as Promise<ScreenModule>,
  plan: () => import('../screens/plan/PlanScreen.svelte') as Promise<ScreenModule>,
  series: () => import('../screens/series/SeriesScreen.svelte') as Promise<ScreenModule>,
  run: () => import('../screens/run/RunScreen.svelte') as Promise<ScreenModule>,
  record: () => import('../screens/record/RecordScreen.svelte') as Promise<ScreenModule>,
  session: () => import('../screens/session/SessionScreen.svelte') as Promise<ScreenModule>,
  schools: () => import('../screens/schools/SchoolsScreen.svelte') as Promise<ScreenModule>,
  school: () => import('../screens/school/SchoolScreen.svelte') as Promise<ScreenModule>,
  'school-activity': () =>
    import('../screens/school-activity/SchoolActivityScreen.svelte') as Promise<ScreenModule>,
  campaigns: () => import('../screens/campaigns/CampaignsScreen.svelte') as Promise<ScreenModule>,
  campaign: () => import('../screens/campaign/CampaignScreen.svelte') as Promise<ScreenModule>,
  'campaign-report': () =>
    import('../screens/campaign-report/CampaignReportScreen.svelte') as Promise<ScreenModule>,
  statistics: () => import('../screens/statistics/StatisticsScreen.svelte') as Promise<ScreenModule>,
  rollups: () => import('../screens/rollups/RollupsScreen.svelte') as Promise<ScreenModule>,
  rollup: () => import('../screens/rollup/RollupScreen.svelte') as Promise<ScreenModule>,
  banks: () => import('../screens/banks/BanksScreen.svelte') as Promise<ScreenModule>,
  bank: () => import('../screens/bank/BankScreen.svelte') as Promise<ScreenModule>,
  question: () => import('../screens/question/QuestionScreen.svelte') as Promise<ScreenModule>,
  'bank-import': () => import('../screens/bank-import/BankImportScreen.svelte') as Promise<ScreenModule>,
  'own-quiz': () => import('../screens/own-quiz/OwnQuizScreen.svelte') as Promise<ScreenModule>,
  'bank-print': () => import('../screens/bank-print/BankPrintScreen.svelte') as Promise<ScreenModule>,
  cards: () => import('../screens/cards/CardsScreen.svelte') as Promise<ScreenModule>,
  'not-found': () => import('../screens/not-found/NotFoundScreen.svelte') as Promise<ScreenModule>,
};

/** The message groups each screen shows (lib/i18n/i18n.ts). */
const messageGroups: Partial<Record<Route['name'], MessageGroup[]>> = {
  quiz: ['quiz', 'notices'],
  play: ['quiz', 'notices'],
  result: ['quiz', 'progress', 'notices'],
  progress: ['progress', 'quiz', 'notices'],
  materials: ['materials', 'notices'],
  material: ['materials', 'help', 'notices'],
  present: ['materials', 'notices'],
  project: ['materials', 'notices'],
  slogans: ['materials', 'notices'],
  help: ['help', 'notices'],
  settings: ['help', 'sync', 'notices'],
  profiles: ['profiles', 'notices'],
  // The list links to the answer cards with their own words.
  sessions: ['sessions', 'cards', 'notices'],
  plan: ['sessions', 'notices'],
  series: ['sessions', 'notices'],
  run: ['sessions', 'quiz', 'notices'],
  record: ['sessions', 'notices'],
  session: ['sessions', 'quiz', 'notices'],
  schools: ['schools', 'notices'],
  school: ['schools', 'notices'],
  'school-activity': ['schools', 'notices'],
  campaigns: ['campaigns', 'sessions', 'notices'],
  campaign: ['campaigns', 'sessions', 'notices'],
  'campaign-report': ['campaigns', 'notices'],
  statistics: ['statistics', 'schools', 'notices'],
  rollups: ['statistics', 'sessions', 'notices'],
  rollup: ['statistics', 'sessions', 'notices'],
  banks: ['banks', 'notices'],
  bank: ['banks', 'notices'],
  question: ['banks', 'notices'],
  'bank-import': ['banks', 'bankImport', 'notices'],
  'own-quiz': ['banks', 'notices'],
  'bank-print': ['banks', 'notices'],
  cards: ['cards', 'notices'],
};

export function screenMessageGroups(route: Route): MessageGroup[] {
  return messageGroups[route.name] ?? [];
}

/** Fetches a screen's code (bundlers cache modules, so calling again costs nothing). */
export function preloadScreen(route: Route): void {
  void modules[route.name]().catch(() => undefined);
}

/** The screen's component, once its code and its messages (in the current language) are loaded. */
export async function loadScreen(route: Route): Promise<ScreenComponent> {
  const [module] = await Promise.all([modules[route.name](), loadMessageGroups(screenMessageGroups(route))]);
  return module.default;
}
