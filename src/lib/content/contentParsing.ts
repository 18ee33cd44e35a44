/**
 * What every content reader shares: listing `content/`, parsing a YAML file against a
 * schema, and reporting problems with the file and the field they are in.
 * Build time and tests only, never in the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod/mini';

export interface ContentFile {
  /** Path relative to the repository, e.g. `content/questions/law.yaml`; used in messages. */
  path: string;
  text: string;
}

// zod/mini carries no message texts by default; authors need readable ones.
z.config(z.locales.en());

const textFile = /\.(ya?ml|md|svg)$/;

/**
 * Every file under `root/content`, sorted, with paths relative to `root`. Text files
 * (YAML, Markdown, SVG) come with their text; other files (PNG, JPEG, README…) with ''.
 */
export function listContentFiles(root: string): ContentFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk(join(root, 'content'))
    .sort()
    .map((path) => ({
      path: relative(root, path),
      text: textFile.test(path) ? readFileSync(path, 'utf8') : '',
    }));
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

export function parseFile<S extends z.ZodMiniType>(
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
