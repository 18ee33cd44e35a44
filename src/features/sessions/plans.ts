/**
 * The bundled session plans, loaded when a sessions screen opens.
 */
import type { Plan } from '../../lib/content/plan.schema';

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
