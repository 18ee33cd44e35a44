/**
 * Reads `content/materials/<id>/` (material.yaml, one Markdown file per language, images)
 * and `content/slogans.yaml` into checked `Material` and `Slogan` values. Build time and
 * tests only. Like the quiz reader, it reports every problem with its file, all at once.
 *
 * Markdown is checked here for what the app relies on: the structure (title, lead, one H2
 * per slide, optional `<!-- notes -->`), images that are bundled files with alt text, links
 * that are https, tel or in-app, no raw HTML, and SVGs without scripts or remote references.
 * The sanitiser at run time (`markdown.ts`) still treats every text as untrusted.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { foldForSearch } from '../text.ts';
import { parseFile, type ContentFile } from './contentParsing.ts';
import type { QuizContent } from './content.schema.ts';
import {
  materialMetaSchema,
  slogansFileSchema,
  type Material,
  type MaterialSection,
  type MaterialText,
  type Slogan,
} from './material.schema.ts';

const notesMarker = '<!-- notes -->';
const imagePath = /^images\/[\w.-]+\.(svg|png|jpe?g|webp)$/;
const allowedLink = /^(https:\/\/|tel:|#\/)/;
/** Words per minute for the reading-time estimate. */
const readingSpeed = 200;

/** Every token inside a token list, depth first (list items, table cells, inline text). */
function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    const children = token as Partial<Tokens.Generic> & {
      items?: Tokens.ListItem[];
      header?: Tokens.TableCell[];
      rows?: Tokens.TableCell[][];
    };
    if (children.tokens) yield* walk(children.tokens);
    if (children.items) yield* walk(children.items);
    if (children.header) yield* walk(children.header.flatMap((cell) => cell.tokens));
    if (children.rows) yield* walk(children.rows.flat().flatMap((cell) => cell.tokens));
  }
}

/** Markdown reduced to its words, for reading time and search. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`|~]/g, ' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

interface MaterialFolder {
  id: string;
  meta?: ContentFile;
  languages: Map<string, ContentFile>;
  assets: Map<string, ContentFile>;
}

function readText(
  file: ContentFile,
  folder: MaterialFolder,
  problems: string[],
): { text: MaterialText; images: string[] } | undefined {
  const where = file.path;
  const tokens = new Lexer().lex(file.text).filter((token) => token.type !== 'space');
  const images: string[] = [];
  const before = problems.length;

  for (const token of walk(tokens)) {
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      if (!imagePath.test(image.href)) {
        problems.push(`${where}: image "${image.href}" must be a file in images/ (no remote images)`);
      } else if (!folder.assets.has(image.href)) {
        problems.push(`${where}: image "${image.href}" is not in content/materials/${folder.id}/images/`);
      } else {
        images.push(image.href);
      }
      if (!image.text.trim()) problems.push(`${where}: image "${image.href}" needs alt text`);
    } else if (token.type === 'link') {
      const link = token as Tokens.Link;
      if (!allowedLink.test(link.href)) {
        problems.push(`${where}: link "${link.href}" must start with https://, tel: or #/`);
      }
    } else if (token.type === 'html' && token.raw.trim() !== notesMarker) {
      problems.push(`${where}: raw HTML is not allowed ("${token.raw.trim().slice(0, 40)}")`);
    }
  }

  const [first, ...rest] = tokens;
  if (first?.type !== 'heading' || (first as Tokens.Heading).depth !== 1) {
    problems.push(`${where}: must start with the title as a "# " heading`);
    return undefined;
  }
  const title = (first as Tokens.Heading).text.trim();
  const leadTokens: Token[] = [];
  const sections: Array<{ heading: string; body: Token[]; notes: Token[] | null }> = [];
  for (const token of rest) {
    const heading = token.type === 'heading' ? (token as Tokens.Heading) : null;
    if (heading?.depth === 1) {
      problems.push(`${where}: only one "# " title is allowed ("${heading.text}")`);
    } else if (heading?.depth === 2) {
      sections.push({ heading: heading.text.trim(), body: [], notes: null });
    } else {
      const section = sections[sections.length - 1];
      if (!section) leadTokens.push(token);
      else if (token.type === 'html' && token.raw.trim() === notesMarker) {
        if (section.notes) problems.push(`${where}: section "${section.heading}" has two notes markers`);
        section.notes = [];
      } else (section.notes ?? section.body).push(token);
    }
  }
  // Blocks are separated by a blank line again (the lexer's space tokens were dropped above).
  const raw = (list: Token[]) =>
    list
      .map((token) => token.raw.trim())
      .filter(Boolean)
      .join('\n\n');
  const lead = raw(leadTokens);
  if (!lead) problems.push(`${where}: needs a lead paragraph between the title and the first "## " section`);
  if (sections.length < 2) problems.push(`${where}: needs at least two "## " sections (one per slide)`);
  const built: MaterialSection[] = sections.map((section) => {
    const body = raw(section.body);
    if (!body) problems.push(`${where}: section "${section.heading}" is empty`);
    const notes = section.notes ? raw(section.notes) : '';
    if (section.notes && !notes)
      problems.push(`${where}: section "${section.heading}" has an empty notes part`);
    return { heading: section.heading, body, ...(notes ? { notes } : {}) };
  });
  if (problems.length > before) return undefined;

  const visible = [title, plainText(lead), ...built.flatMap((s) => [s.heading, plainText(s.body)])].join(' ');
  return {
    text: {
      title,
      lead,
      sections: built,
      readingMinutes: Math.max(1, Math.ceil(wordCount(visible) / readingSpeed)),
      searchText: foldForSearch(visible),
    },
    images,
  };
}

function checkSvg(file: ContentFile, problems: string[]): void {
  const forbidden: Array<[RegExp, string]> = [
    [/<script/i, 'a script'],
    [/\son\w+\s*=/i, 'an event handler attribute'],
    [/(?:xlink:)?href\s*=\s*["']\s*(?:https?:|javascript:|\/\/)/i, 'a remote or javascript: reference'],
    [/<foreignObject/i, 'foreignObject'],
  ];
  for (const [pattern, what] of forbidden) {
    if (pattern.test(file.text)) problems.push(`${file.path}: SVG must not contain ${what}`);
  }
}

/**
 * The materials, checked against the quiz content's sources and topics. Image values are
 * the files' paths in the repository (`content/materials/<id>/images/x.svg`); the build
 * replaces them with the URLs it gives those files.
 */
export function readMaterials(
  files: ContentFile[],
  quiz: Pick<QuizContent, 'sources' | 'topics'>,
  problems: string[],
): Material[] {
  const folders = new Map<string, MaterialFolder>();
  for (const file of files) {
    const match = /content\/materials\/([^/]+)\/(.+)$/.exec(file.path);
    if (!match) continue;
    const [, id = '', name = ''] = match;
    const folder: MaterialFolder = folders.get(id) ?? { id, languages: new Map(), assets: new Map() };
    folders.set(id, folder);
    if (name === 'material.yaml') folder.meta = file;
    else if (/^[a-z]{2,3}\.md$/.test(name)) folder.languages.set(name.replace('.md', ''), file);
    else if (name.startsWith('images/')) folder.assets.set(name, file);
    else problems.push(`${file.path}: unexpected file (expected material.yaml, <language>.md or images/…)`);
  }

  const sourceIds = new Set(quiz.sources.map((s) => s.id));
  const topicIds = new Set(quiz.topics.map((t) => t.id));
  const materials: Material[] = [];
  for (const folder of [...folders.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const base = `content/materials/${folder.id}`;
    if (!folder.meta) {
      problems.push(`${base}: material.yaml is missing`);
      continue;
    }
    const meta = parseFile(folder.meta, materialMetaSchema, problems);
    for (const asset of folder.assets.values()) if (asset.path.endsWith('.svg')) checkSvg(asset, problems);
    if (!meta) continue;
    if (meta.id !== folder.id)
      problems.push(`${folder.meta.path}: id "${meta.id}" must be the folder name "${folder.id}"`);
    meta.sources.forEach((citation, i) => {
      if (!sourceIds.has(citation.source)) {
        problems.push(
          `${folder.meta?.path}: sources[${i}].source "${citation.source}" is not in content/sources.yaml`,
        );
      }
    });
    for (const topic of meta.topics) {
      if (!topicIds.has(topic))
        problems.push(`${folder.meta.path}: topic "${topic}" is not in content/topics.yaml`);
    }
    if (!folder.languages.has('vi')) problems.push(`${base}/vi.md is missing (Vietnamese is required)`);

    const texts: Record<string, MaterialText> = {};
    const images = new Set<string>();
    for (const [language, file] of folder.languages) {
      const read = readText(file, folder, problems);
      if (!read) continue;
      texts[language] = read.text;
      for (const image of read.images) images.add(image);
    }
    const counts = new Set(Object.values(texts).map((text) => text.sections.length));
    if (counts.size > 1) {
      problems.push(
        `${base}: every language must have the same sections (slides); counts differ: ${[...counts].join(', ')}`,
      );
    }
    const vi = texts.vi;
    if (!vi) continue;
    materials.push({
      ...meta,
      texts: { ...texts, vi },
      images: Object.fromEntries([...images].sort().map((image) => [image, `${base}/${image}`])),
    });
  }
  return materials;
}

export function readSlogans(
  files: ContentFile[],
  quiz: Pick<QuizContent, 'sources'>,
  problems: string[],
): Slogan[] {
  const file = files.find((f) => /(^|\/)content\/slogans\.yaml$/.test(f.path));
  if (!file) return [];
  const slogans = parseFile(file, slogansFileSchema, problems)?.slogans ?? [];
  const sourceIds = new Set(quiz.sources.map((s) => s.id));
  const seen = new Set<string>();
  const years = new Set<number>();
  slogans.forEach((slogan, i) => {
    if (seen.has(slogan.id)) problems.push(`${file.path}: duplicate slogan id "${slogan.id}"`);
    seen.add(slogan.id);
    if (slogan.themeYear !== undefined) {
      if (years.has(slogan.themeYear)) problems.push(`${file.path}: two themes for ${slogan.themeYear}`);
      years.add(slogan.themeYear);
      if (!slogan.source)
        problems.push(`${file.path}: slogans[${i}] is an official theme and needs its source`);
    }
    if (slogan.source && !sourceIds.has(slogan.source.source)) {
      problems.push(
        `${file.path}: slogans[${i}].source "${slogan.source.source}" is not in content/sources.yaml`,
      );
    }
  });
  return slogans;
}
