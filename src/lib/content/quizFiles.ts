/**
 * Reads the quiz part of `content/` (sources, topics, quizzes, questions) into one
 * validated `QuizContent`, checking the references between files. Build time and tests only.
 */
import {
  questionsFileSchema,
  quizzesFileSchema,
  sourcesFileSchema,
  topicsFileSchema,
  type Question,
  type QuizContent,
} from './content.schema.ts';
import { ContentError, parseFile, type ContentFile } from './contentParsing.ts';
import { quizPool } from './quizPool.ts';

/**
 * Validates the content files and the references between them.
 * Files are told apart by name: `sources.yaml`, `topics.yaml`, `quizzes.yaml`, and any
 * `questions/*.yaml`. Unknown files are an error, so a misnamed file is not silently skipped.
 * @throws ContentError listing every problem found.
 */
export function readQuizContent(files: ContentFile[]): QuizContent {
  const problems: string[] = [];
  const content = collectQuizContent(files, problems);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/** Like `readQuizContent`, adding problems to `problems` instead of throwing. */
export function collectQuizContent(files: ContentFile[], problems: string[]): QuizContent {
  const content: QuizContent = { sources: [], topics: [], questions: [], quizzes: [] };
  const questionFile = new Map<string, string>();

  for (const file of files) {
    const name = file.path.replace(/^.*content\//, '');
    // Materials, slogans, plans and series have their own readers (materialFiles.ts, planFiles.ts, seriesFiles.ts).
    if (/^(materials|plans|series)\//.test(name) || name === 'slogans.yaml') continue;
    if (name === 'sources.yaml') {
      content.sources.push(...(parseFile(file, sourcesFileSchema, problems)?.sources ?? []));
    } else if (name === 'topics.yaml') {
      content.topics.push(...(parseFile(file, topicsFileSchema, problems)?.topics ?? []));
    } else if (name === 'quizzes.yaml') {
      content.quizzes.push(...(parseFile(file, quizzesFileSchema, problems)?.quizzes ?? []));
    } else if (/^questions\/[^/]+\.yaml$/.test(name)) {
      const questions: Question[] = parseFile(file, questionsFileSchema, problems)?.questions ?? [];
      for (const question of questions) questionFile.set(question.id, file.path);
      content.questions.push(...questions);
    } else if (/\.ya?ml$/.test(name)) {
      problems.push(
        `${file.path}: unknown content file (expected sources, topics, quizzes or questions/*.yaml)`,
      );
    }
  }

  checkUnique('source', content.sources, () => 'content/sources.yaml', problems);
  checkUnique('topic', content.topics, () => 'content/topics.yaml', problems);
  checkUnique('quiz', content.quizzes, () => 'content/quizzes.yaml', problems);
  checkUnique('question', content.questions, (q) => questionFile.get(q.id) ?? 'content/questions', problems);

  const sourceIds = new Set(content.sources.map((s) => s.id));
  const topicIds = new Set(content.topics.map((t) => t.id));
  content.questions.forEach((question) => {
    const file = questionFile.get(question.id) ?? 'content/questions';
    if (!topicIds.has(question.topic)) {
      problems.push(
        `${file}: question "${question.id}": topic "${question.topic}" is not in content/topics.yaml`,
      );
    }
    question.sources.forEach((citation, index) => {
      if (!sourceIds.has(citation.source)) {
        problems.push(
          `${file}: question "${question.id}": sources[${index}].source "${citation.source}" is not in content/sources.yaml`,
        );
      }
    });
  });
  content.quizzes.forEach((quiz, index) => {
    const where = `content/quizzes.yaml: quizzes[${index}] ("${quiz.id}")`;
    for (const topic of quiz.topics) {
      if (!topicIds.has(topic)) problems.push(`${where}: topic "${topic}" is not in content/topics.yaml`);
    }
    const poolSize = quizPool(quiz, content.questions).length;
    const needed = Math.max(quiz.contest.questionCount, quiz.practice.questionCount);
    if (poolSize < needed) {
      problems.push(`${where}: draws ${needed} questions but its pool has only ${poolSize}`);
    }
  });

  return content;
}

function checkUnique<T extends { id: string }>(
  kind: string,
  items: T[],
  fileOf: (item: T) => string,
  problems: string[],
): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${fileOf(item)}: duplicate ${kind} id "${item.id}"`);
    seen.add(item.id);
  }
}
