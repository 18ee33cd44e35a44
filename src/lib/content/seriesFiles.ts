/**
 * Reads `content/series/*.yaml` into checked series: each file is one series, named by its
 * id. Besides the schema, the references must hold: every plan exists and is meant for the
 * series' audience; every session and the booster has a knowledge check (so a group's
 * results can be followed from one session to the next); no plan is a step of two series
 * (a recorded session then belongs to one series only); the guide is a material of kind
 * `guide` for the audience; cited sources exist. Build time and tests only.
 */
import type { QuizContent } from './content.schema.ts';
import { parseFile, type ContentFile } from './contentParsing.ts';
import type { Material } from './material.schema.ts';
import type { Plan } from './plan.schema.ts';
import { seriesSchema, type Series } from './series.schema.ts';

export function readSeries(
  files: ContentFile[],
  quiz: Pick<QuizContent, 'sources'>,
  materials: readonly Pick<Material, 'id' | 'audiences' | 'kind'>[],
  plans: readonly Pick<Plan, 'id' | 'audience' | 'check'>[],
  problems: string[],
): Series[] {
  const planById = new Map(plans.map((p) => [p.id, p]));
  const materialById = new Map(materials.map((m) => [m.id, m]));
  const sourceIds = new Set(quiz.sources.map((s) => s.id));
  const all: Series[] = [];
  for (const file of files) {
    const match = /(?:^|\/)content\/series\/([^/]+)\.yaml$/.exec(file.path);
    if (!match) {
      if (/(?:^|\/)content\/series\//.test(file.path))
        problems.push(`${file.path}: unexpected file (expected series/<id>.yaml)`);
      continue;
    }
    const series = parseFile(file, seriesSchema, problems);
    if (!series) continue;
    const where = file.path;
    const before = problems.length;
    if (series.id !== match[1])
      problems.push(`${where}: id "${series.id}" must be the file name "${match[1]}"`);

    const checkPlan = (id: string, field: string, needsCheck: boolean) => {
      const plan = planById.get(id);
      if (!plan) return problems.push(`${where}: ${field}: plan "${id}" does not exist`);
      if (plan.audience !== series.audience) {
        problems.push(
          `${where}: ${field}: plan "${id}" is for ${plan.audience}, the series for ${series.audience}`,
        );
      }
      if (needsCheck && !plan.check) {
        problems.push(
          `${where}: ${field}: plan "${id}" has no check; every step of a series measures before and after`,
        );
      }
    };
    series.sessions.forEach((session, i) => {
      checkPlan(session.plan, `sessions[${i}]`, true);
      if (i === 0 && session.weeksAfter !== undefined)
        problems.push(`${where}: sessions[0]: the first session comes after nothing ("weeksAfter")`);
      if (i > 0 && session.weeksAfter === undefined)
        problems.push(
          `${where}: sessions[${i}]: say how many weeks after the previous session ("weeksAfter")`,
        );
    });
    checkPlan(series.booster.plan, 'booster', true);
    series.extras?.forEach((extra, i) => checkPlan(extra.plan, `extras[${i}]`, false));
    const steps = [...series.sessions.map((s) => s.plan), series.booster.plan];
    const extras = (series.extras ?? []).map((e) => e.plan);
    for (const id of new Set([...steps, ...extras])) {
      if ([...steps, ...extras].filter((p) => p === id).length > 1)
        problems.push(`${where}: plan "${id}" appears twice in the series`);
    }

    const guide = materialById.get(series.guide);
    if (!guide) problems.push(`${where}: guide: material "${series.guide}" does not exist`);
    else if (guide.kind !== 'guide')
      problems.push(`${where}: guide: material "${series.guide}" is not of kind "guide"`);
    else if (!guide.audiences.includes(series.audience))
      problems.push(`${where}: guide: material "${series.guide}" is not meant for ${series.audience}`);

    series.sources.forEach((citation, i) => {
      if (!sourceIds.has(citation.source)) {
        problems.push(`${where}: sources[${i}].source "${citation.source}" is not in content/sources.yaml`);
      }
    });
    if (problems.length === before) all.push(series);
  }
  const seenId = new Set<string>();
  const stepOf = new Map<string, string>();
  for (const series of all) {
    if (seenId.has(series.id)) problems.push(`content/series: duplicate series id "${series.id}"`);
    seenId.add(series.id);
    for (const plan of [...series.sessions.map((s) => s.plan), series.booster.plan]) {
      const other = stepOf.get(plan);
      if (other && other !== series.id)
        problems.push(`content/series: plan "${plan}" is a step of both "${other}" and "${series.id}"`);
      stepOf.set(plan, series.id);
    }
  }
  return all;
}
