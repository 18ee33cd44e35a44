/**
 * Reads `content/plans/*.yaml` into checked session plans: each file is one plan, named by
 * its id. Besides the schema, the references must hold: questions and materials exist and
 * are meant for the plan's audience, room-quiz and check questions can be answered by a show
 * of hands (one right option: single, scenario or true/false), the agenda adds up to the
 * plan's minutes, and the before and after checks come as a pair, the before first.
 * Build time and tests only.
 */
import type { QuizContent } from './content.schema.ts';
import { parseFile, type ContentFile } from './contentParsing.ts';
import type { Material } from './material.schema.ts';
import { planSchema, type Plan } from './plan.schema.ts';

export function readPlans(
  files: ContentFile[],
  quiz: Pick<QuizContent, 'sources' | 'questions'>,
  materials: readonly Pick<Material, 'id' | 'audiences'>[],
  problems: string[],
): Plan[] {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const materialById = new Map(materials.map((m) => [m.id, m]));
  const sourceIds = new Set(quiz.sources.map((s) => s.id));
  const plans: Plan[] = [];
  for (const file of files) {
    const match = /(?:^|\/)content\/plans\/([^/]+)\.yaml$/.exec(file.path);
    if (!match) {
      if (/(?:^|\/)content\/plans\//.test(file.path))
        problems.push(`${file.path}: unexpected file (expected plans/<id>.yaml)`);
      continue;
    }
    const plan = parseFile(file, planSchema, problems);
    if (!plan) continue;
    const where = file.path;
    const before = problems.length;
    if (plan.id !== match[1]) problems.push(`${where}: id "${plan.id}" must be the file name "${match[1]}"`);

    const total = plan.agenda.reduce((sum, segment) => sum + segment.minutes, 0);
    if (total !== plan.minutes) {
      problems.push(`${where}: the agenda adds up to ${total} minutes, the plan says ${plan.minutes}`);
    }
    const checkQuestion = (id: string, field: string) => {
      const question = questions.get(id);
      if (!question) return problems.push(`${where}: ${field}: question "${id}" is not in the bank`);
      if (question.type === 'multiple') {
        problems.push(`${where}: ${field}: "${id}" is a multiple-choice question; a room answers one option`);
      }
      if (!question.audiences.includes(plan.audience)) {
        problems.push(`${where}: ${field}: question "${id}" is not meant for ${plan.audience}`);
      }
    };
    plan.check?.forEach((id, i) => checkQuestion(id, `check[${i}]`));

    const kinds = plan.agenda.map((segment) => segment.kind);
    const beforeAt = kinds.indexOf('check-before');
    const afterAt = kinds.indexOf('check-after');
    for (const kind of ['check-before', 'check-after'] as const) {
      if (kinds.filter((k) => k === kind).length > 1)
        problems.push(`${where}: agenda has two "${kind}" segments`);
    }
    if (plan.check && (beforeAt < 0 || afterAt < 0)) {
      problems.push(`${where}: a plan with a check needs a "check-before" and a "check-after" segment`);
    } else if (!plan.check && (beforeAt >= 0 || afterAt >= 0)) {
      problems.push(`${where}: "check-before"/"check-after" segments need the plan's check questions`);
    } else if (beforeAt > afterAt) {
      problems.push(`${where}: "check-before" must come before "check-after"`);
    }

    plan.agenda.forEach((segment, i) => {
      const field = `agenda[${i}]`;
      if (segment.kind === 'quiz' && !segment.questions)
        problems.push(`${where}: ${field}: a room quiz needs questions`);
      if (segment.kind !== 'quiz' && segment.questions) {
        problems.push(`${where}: ${field}: only a "quiz" segment has questions`);
      }
      segment.questions?.forEach((id, j) => checkQuestion(id, `${field}.questions[${j}]`));
      if (segment.kind === 'input' && !segment.material) {
        problems.push(`${where}: ${field}: an "input" segment presents a material`);
      }
      if (segment.material) {
        const material = materialById.get(segment.material);
        if (!material) problems.push(`${where}: ${field}: material "${segment.material}" does not exist`);
        else if (!material.audiences.includes(plan.audience)) {
          problems.push(
            `${where}: ${field}: material "${segment.material}" is not meant for ${plan.audience}`,
          );
        }
      }
    });
    plan.sources.forEach((citation, i) => {
      if (!sourceIds.has(citation.source)) {
        problems.push(`${where}: sources[${i}].source "${citation.source}" is not in content/sources.yaml`);
      }
    });
    if (problems.length === before) plans.push(plan);
  }
  const seen = new Set<string>();
  for (const plan of plans) {
    if (seen.has(plan.id)) problems.push(`content/plans: duplicate plan id "${plan.id}"`);
    seen.add(plan.id);
  }
  return plans;
}
