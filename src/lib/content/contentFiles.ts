/**
 * Reads and checks everything in `content/`: the quiz bank, the materials, the slogans, the
 * session plans and the series they form.
 * Runs at build time (from `vite.config.ts`) and in tests, never in the browser: the app
 * receives content that has already passed here. Every problem is reported with the file
 * and the field it is in, all at once, so an author can fix a file in one pass.
 */
import type { QuizContent } from './content.schema.ts';
import { ContentError, type ContentFile } from './contentParsing.ts';
import type { Material, Slogan } from './material.schema.ts';
import { readMaterials, readSlogans } from './materialFiles.ts';
import type { Plan } from './plan.schema.ts';
import { readPlans } from './planFiles.ts';
import { collectQuizContent } from './quizFiles.ts';
import type { Series } from './series.schema.ts';
import { readSeries } from './seriesFiles.ts';

export { ContentError, listContentFiles, type ContentFile } from './contentParsing.ts';
export { readQuizContent } from './quizFiles.ts';

export interface Content {
  quiz: QuizContent;
  materials: Material[];
  slogans: Slogan[];
  plans: Plan[];
  series: Series[];
}

/** @throws ContentError listing every problem found in any file. */
export function readContent(files: ContentFile[]): Content {
  const problems: string[] = [];
  const quiz = collectQuizContent(files, problems);
  const materials = readMaterials(files, quiz, problems);
  const slogans = readSlogans(files, quiz, problems);
  const plans = readPlans(files, quiz, materials, problems);
  const series = readSeries(files, quiz, materials, plans, problems);
  if (problems.length > 0) throw new ContentError(problems);
  return { quiz, materials, slogans, plans, series };
}
