/**
 * Reads the bundled `content/` folder's files into one validated `QuizContent`.
 *
 * Runs at build time (from `vite.config.ts`) and in unit tests, never in the browser:
 * the app receives content that has already passed here. Every problem is reported with
 * the file and the field it is in, all at once, so an author can fix a file in one pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod/mini';
import {
  questionsFileSchema,
  quizzesFileSchema,
  sourcesFileSchema,
  topicsFileSchema,
  type Question,
  type QuizContent,
} from './content.schema.ts';
import { quizPool } from './quizPool.ts';

export interface ContentFile {
  /** Path relative to the repository, e.g. `content/questions/law.yaml`; used in messages. */
  path: string;
  text: string;
}

// zod/mini carries no message texts by default; authors need readable ones.
z.config(z.locales.en());

/** Every YAML file under `root/content`, sorted, with paths relative to `root`. */
export function listContentFiles(root: string): ContentFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk(join(root, 'content'))
    .filter((path) => path.endsWith('.yaml'))
    .sort()
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function parseFile<S extends z.ZodMiniType>(
  file: ContentFile,
  schema: S,
  problems: string[],
): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = parseYaml(file.text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    problems.push(`${file.path}${where}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${file.path}: ${formatPath(issue.path) || '(file)'}: ${issue.message}`);
    }
    return undefined;
  }
  return result.data;
}

/**
 * Validates the content files and the references between them.
 * Files are told apart by name: `sources.yaml`, `topics.yaml`, `quizzes.yaml`, and any
 * `questions/*.yaml`. Unknown files are an error, so a misnamed file is not silently skipped.
 * @throws ContentError listing every problem found.
 */
export function readQuizContent(files: ContentFile[]): QuizContent {
  const problems: string[] = [];
  const content: QuizContent = { sources: [], topics: [], questions: [], quizzes: [] };
  const questionFile = new Map<string, string>();

  for (const file of files) {
    const name = file.path.replace(/^.*content\//, '');
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

  if (problems.length > 0) throw new ContentError(problems);
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
