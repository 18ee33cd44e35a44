/**
 * The bundled session plans and the series they form, loaded when a sessions screen opens.
 */
import type { Plan } from '../../lib/content/plan.schema';
import type { Series } from '../../lib/content/series.schema';
import { seriesSteps, type SeriesStep } from '../../lib/domain/series';

let loading: Promise<readonly Plan[]> | null = null;

export function loadPlans(): Promise<readonly Plan[]> {
  loading ??= import('virtual:content/plans').then(({ default: plans }) => plans);
  return loading;
}

export async function findPlan(id: string): Promise<Plan | undefined> {
  return (await loadPlans()).find((plan) => plan.id === id);
}

/** The questions a plan's check and room quizzes ask, in order, without repeats. */
export function planQuestionIds(plan: Plan): string[] {
  return [...new Set([...(plan.check ?? []), ...plan.agenda.flatMap((segment) => segment.questions ?? [])])];
}

/** The materials a plan presents, in agenda order, without repeats. */
export function planMaterialIds(plan: Plan): string[] {
  return [...new Set(plan.agenda.flatMap((segment) => (segment.material ? [segment.material] : [])))];
}

let loadingSeries: Promise<readonly Series[]> | null = null;

export function loadSeries(): Promise<readonly Series[]> {
  loadingSeries ??= import('virtual:content/series').then(({ default: series }) => series);
  return loadingSeries;
}

/** The series a plan is a step of, and which step (a plan is a step of one series at most). */
export function seriesOfPlan(
  all: readonly Series[],
  planId: string,
): { series: Series; step: SeriesStep; steps: SeriesStep[] } | undefined {
  for (const series of all) {
    const steps = seriesSteps(series);
    const step = steps.find((s) => s.planId === planId);
    if (step) return { series, step, steps };
  }
  return undefined;
}
