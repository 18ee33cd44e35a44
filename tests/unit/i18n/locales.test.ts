import { syncFields, syncProblems } from '../../../src/lib/domain/sync';
import { packProblemKinds } from '../../../src/lib/domain/ownContent';
import { ownLanguages } from '../../../src/lib/domain/ownContent.schema';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audienceIds, questionTypes } from '../../../src/lib/content/content.schema';
import { quizModes } from '../../../src/lib/domain/attempt.schema';
import { masteryStatuses } from '../../../src/lib/domain/progress';
import { profileProblems } from '../../../src/lib/domain/profile';
import { contactProblems } from '../../../src/lib/domain/contact';
import { contactKinds } from '../../../src/lib/domain/contact.schema';
import { segmentKinds } from '../../../src/lib/content/plan.schema';
import { ageBands, schoolActivityKinds } from '../../../src/lib/domain/ledger.schema';
import { campaignTemplates, plannedStatuses } from '../../../src/lib/domain/campaign.schema';
import { seededTargets } from '../../../src/lib/domain/campaign';
import { schoolLevels, unitKinds } from '../../../src/lib/domain/unit.schema';
import { saveStates } from '../../../src/features/quiz/quizPlayer.svelte';
import { storeSchemas } from '../../../src/lib/storage/backup';
import {
  importFormats,
  importProblemKinds,
  skippedKinds,
} from '../../../src/lib/domain/questionImport/result';
import { encodingKinds, notTextKinds, plainRefusals } from '../../../src/features/banks/importFile';

const localesDir = join(import.meta.dirname, '../../../src/lib/i18n/locales');
const srcDir = join(import.meta.dirname, '../../../src');
type Messages = { [key: string]: string | Messages };

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Messages;

/** Group files add keys under the same top-level names as the core (i18next merges them deeply too). */
function deepMerge(target: Messages, source: Messages): Messages {
  const out: Messages = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge(existing, value) : value;
  }
  return out;
}

const groupNames = (language: string) =>
  existsSync(join(localesDir, language)) ? readdirSync(join(localesDir, language)).sort() : [];

/** Each language's messages: its core file with its group files (`<language>/<group>.json`) merged in. */
const locales: Record<string, Messages> = Object.fromEntries(
  readdirSync(localesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const language = file.replace('.json', '');
      const groups = groupNames(language).map((group) => readJson(join(localesDir, language, group)));
      return [language, groups.reduce(deepMerge, readJson(join(localesDir, file)))];
    }),
);

function flatten(messages: Messages, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
/** Keys without plural suffixes: Vietnamese has one form, English two; both mean the same key. */
const baseKeys = (messages: Messages) =>
  new Set(Object.keys(flatten(messages)).map((k) => k.replace(pluralSuffix, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const sources = sourceFiles(srcDir).join('\n');

describe('UI translations', () => {
  const vi = locales.vi as Messages;

  test('Vietnamese, the source language, and English are both present', () => {
    expect(Object.keys(locales).sort()).toEqual(expect.arrayContaining(['en', 'vi']));
  });

  test('Every language splits its messages into the same group files as Vietnamese', () => {
    for (const language of Object.keys(locales))
      expect(groupNames(language), language).toEqual(groupNames('vi'));
  });

  test('Every locale file has its name in its own language in languages.json, and no other name is there', () => {
    const names = JSON.parse(readFileSync(join(localesDir, '../languages.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(names).sort()).toEqual(Object.keys(locales).sort());
    expect(Object.values(names).every((name) => name.trim().length > 0)).toBe(true);
  });

  for (const [language, messages] of Object.entries(locales)) {
    test(`${language} has exactly the keys of Vietnamese, none missing and none extra`, () => {
      const expected = [...baseKeys(vi)].sort();
      expect([...baseKeys(messages)].sort()).toEqual(expected);
    });

    test(`${language} has no empty string and gives every plural its "other" form`, () => {
      const flat = flatten(messages);
      expect(Object.entries(flat).filter(([, value]) => !value.trim())).toEqual([]);
      const withOne = Object.keys(flat).filter((key) => key.endsWith('_one'));
      expect(withOne.filter((key) => !(key.replace(/_one$/, '_other') in flat))).toEqual([]);
    });

    test(`${language} keeps every {{placeholder}} of the Vietnamese text`, () => {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const source = flatten(vi);
      const problems = Object.entries(flatten(messages)).flatMap(([key, value]) => {
        const original = source[key.replace(pluralSuffix, '')] ?? source[key];
        if (original === undefined) return [];
        const missing = placeholders(original).filter((p) => !placeholders(value).includes(p));
        return missing.length > 0 ? [`${key}: missing {{${missing.join('}}, {{')}}}`] : [];
      });
      expect(problems).toEqual([]);
    });
  }

  test('Every key the code uses literally exists in Vietnamese', () => {
    const used = [...sources.matchAll(/(?:locale\.t|translate)\(\s*'([^']+)'/g)].map((m) => m[1] as string);
    const conditional = [
      ...sources.matchAll(/\?\s*'([a-zA-Z]+\.[\w.-]+)'\s*:\s*'([a-zA-Z]+\.[\w.-]+)'/g),
    ].flatMap((m) => [m[1] as string, m[2] as string]);
    const keys = baseKeys(vi);
    expect([...new Set([...used, ...conditional])].filter((key) => !keys.has(key))).toEqual([]);
  });

  test('Every family of keys built at run time covers all the values it is built from', () => {
    const families: Record<string, readonly string[]> = {
      audience: audienceIds,
      'quiz.hint': questionTypes,
      'quiz.mode': [...quizModes, 'mistakes'],
      'play.save': saveStates,
      'progress.status': masteryStatuses,
      'profiles.problem': profileProblems,
      'contacts.kind': contactKinds,
      'contacts.problem': contactProblems,
      // ContactEditor builds labels and help texts from its field names.
      contacts: ['name', 'phone', 'address', 'note', 'phoneHelp', 'addressHelp', 'noteHelp'],
      'slogans.formats': ['banner', 'poster-a4', 'poster-a3'],
      'sessions.kind': segmentKinds,
      'sessions.unitKind': unitKinds,
      'sessions.ageBand': ageBands,
      // SessionForm builds labels and help texts from its field names.
      'sessions.field': ['place', 'facilitator', 'participants', 'women', 'durationMinutes', 'leaflets'],
      'sessions.help': ['participants'],
      // Every problem checkSessionInput can give each field (ageBand: any one band).
      'sessions.problem': [
        ...['required', 'invalid', 'future'].map((p) => `date.${p}`),
        'startTime.invalid',
        'unitName.required',
        'unitName.too-long',
        'parentName.too-long',
        'parentName.same-as-unit',
        'audience.required',
        ...['required', 'negative', 'whole-number', 'too-small', 'too-large', 'fewer-than-answers'].map(
          (p) => `participants.${p}`,
        ),
        ...['negative', 'whole-number', 'too-large', 'more-than-participants'].map((p) => `women.${p}`),
        ...['negative', 'whole-number', 'too-large'].map((p) => `ageBand.${p}`),
        'ageBands.more-than-participants',
        ...['required', 'negative', 'whole-number', 'too-small', 'too-large'].map(
          (p) => `durationMinutes.${p}`,
        ),
        ...['negative', 'whole-number', 'too-large'].map((p) => `leaflets.${p}`),
        'place.too-long',
        'facilitator.too-long',
        'notes.too-long',
      ],
      'schools.level': schoolLevels,
      // The activity form's choice lists.
      'schools.activity.field': ['topics', 'materials'],
      'schools.activityKind': schoolActivityKinds,
      'schools.save': ['full', 'failed', 'lost'],
      // What removeClass did.
      'schools.classes': ['deleted', 'kept'],
      // Every problem checkSchoolInput can give each field.
      'schools.problem': [
        'name.required',
        'name.too-long',
        'name.duplicate',
        'level.required',
        'commune.too-long',
        'commune.same-as-school',
        ...['required', 'invalid'].map((p) => `start.${p}`),
        ...['required', 'invalid', 'before-start', 'too-long-year'].map((p) => `end.${p}`),
      ],
      // checkClassRange.
      'schools.classes.problem.range': ['required', 'invalid', 'mismatch', 'too-many', 'too-long', 'exists'],
      'schools.classes.problem.enrollment': ['required', 'negative', 'whole-number', 'too-large'],
      // Every problem readClassList and the file readers can report.
      'schools.import.problem': [
        'nothing',
        'unreadable',
        ...['pdf', 'docx', 'pptx', 'ods', 'zip', 'office-97', 'image', 'binary'].map(
          (k) => `wrong-file.${k}`,
        ),
        ...['windows-1258', 'tcvn3', 'unknown-8bit'].map((k) => `encoding.${k}`),
        'file-too-large',
        'xlsx-too-large',
        'xlsx-entities',
        'sheet-too-many-rows',
        'sheet-too-many-columns',
        'more-problems',
        'empty',
        'no-header',
        'missing-column',
        'empty-name',
        'name-too-long',
        'duplicate-name',
        'existing-name',
        'enrollment-missing',
        'enrollment-not-number',
        'enrollment-negative',
        'enrollment-too-large',
        'too-many-rows',
      ],
      'schools.import.column': ['name', 'enrollment'],
      // Every problem checkActivityInput can give each field.
      'schools.activity.problem': [
        ...['required', 'invalid', 'future'].map((p) => `date.${p}`),
        'activity.required',
        'classIds.required',
        ...['negative', 'whole-number', 'too-small', 'more-than-enrolled'].map((p) => `students.${p}`),
        'deliveredBy.too-long',
        'notes.too-long',
      ],
      'backup.problem': ['no-file', 'not-json', 'not-backup', 'newer', 'bad-records'],
      'backup.store': Object.keys(storeSchemas),
      'backup.failure': ['full', 'failed', 'lost'],
      'sessions.cards.problem': ['refused', 'no-camera', 'unavailable', 'failed'],
      'campaigns.template': campaignTemplates,
      'statistics.kind': ['session', 'school-activity', 'campaign-activity'],
      // The statistics screen's key figures.
      'statistics.figure': [
        'records',
        'sessions',
        'participants',
        'women',
        'students',
        'classShare',
        'studentShare',
        'attempts',
        'averageScore',
        'checkChange',
      ],
      'statistics.export.done': ['csv', 'xlsx', 'json'],
      'statistics.save': ['full', 'failed', 'lost'],
      // RollupForm builds labels and help texts from its field names.
      'statistics.rollup.field': ['name', 'receiver', 'from', 'to', 'deadline'],
      'statistics.rollup.help': ['name', 'receiver', 'deadline', 'expected'],
      // The roll-up tables' headers.
      'statistics.rollup.column': ['unit', 'child', 'state', 'exported', 'files'],
      'statistics.rollup.importFailed': ['full', 'failed', 'lost', 'space'],
      'statistics.rollup.state': ['on-time', 'late', 'missing'],
      // Every problem checkRollupInput gives each field, and every reason a file is refused.
      'statistics.rollup.problem': [
        'name.required',
        'name.too-long',
        ...['required', 'invalid'].map((p) => `from.${p}`),
        ...['required', 'invalid', 'before-start'].map((p) => `to.${p}`),
        ...['required', 'invalid', 'before-end'].map((p) => `deadline.${p}`),
        'receiver.too-long',
        'expected.too-many',
        'expected.too-long',
      ],
      'statistics.rollup.problem.file': [
        'empty',
        'csv',
        'not-json',
        'backup',
        'wrong-kind',
        'newer',
        'wrong-shape',
        'no-detail',
        'no-unit',
        'bad-records',
        'bad-units',
        'unknown-unit',
        'duplicate',
        'sender-missing',
        'duplicate-id.units',
        'duplicate-id.records',
        'unit-cycle',
        'outside-sender',
        'future',
        'created-after-updated.units',
        'created-after-updated.records',
        'receiver',
        'foreign-unit',
        'foreign-record',
      ],
      // What a roll-up file really is, when it is not UTF-8 or UTF-16 text (`fileText`).
      'statistics.rollup.problem.file.not-text': [
        'xlsx',
        'docx',
        'pptx',
        'ods',
        'zip',
        'pdf',
        'office-97',
        'image',
        'binary',
      ],
      'statistics.rollup.problem.file.encoding': ['windows-1258', 'tcvn3', 'unknown-8bit'],
      'campaigns.status': plannedStatuses,
      'campaigns.save': ['full', 'failed', 'lost'],
      // Own question banks (screens/bank*, features/banks).
      'banks.save': ['full', 'failed', 'lost'],
      'banks.type': ['single', 'multiple', 'true-false', 'scenario'],
      'banks.language': ownLanguages,
      'banks.editor.problem': ['required', 'tooLong', 'tooFew', 'tooFewMultiple', 'multipleRule', 'oneRight'],
      'banks.editor.sourceKind': ['none', 'bundled', 'text'],
      'banks.quiz.problem': ['required', 'tooLong', 'count', 'moreThanPool', 'minutes'],
      'banks.pack.bankState': ['new', 'newer', 'same', 'older'],
      'banks.pack.quizState': ['new', 'newer', 'same', 'older'],
      'banks.pack.problem': [...packProblemKinds, 'too-large', 'encoding'],
      'banks.printing.part': ['both', 'paper', 'key'],
      // The answer cards' print screen (screens/cards, features/cards/CardSheet.svelte).
      'cards.perPage': ['1', '2', '4'],
      'cards.howTo.step': ['letter', 'hands', 'cover', 'still'],
      // Sync with a province's server (features/sync/SyncSettings.svelte).
      'sync.field': syncFields,
      'sync.fieldHelp': syncFields,
      'sync.fieldProblem': syncFields.flatMap((field) => [`${field}.required`, `${field}.invalid`]),
      'sync.problem': syncProblems,
      // Question imports (lib/domain/questionImport, features/banks/importFile.ts).
      'bankImport.format': importFormats,
      'bankImport.problem': importProblemKinds,
      'bankImport.skipped': skippedKinds,
      'bankImport.refused': [
        ...plainRefusals,
        ...encodingKinds.map((kind) => `encoding.${kind}`),
        ...notTextKinds.map((kind) => `not-text.${kind}`),
      ],
      'campaigns.countdown': ['day', 'dayToday', 'dayPast', 'deadline', 'deadlineToday', 'deadlinePast'],
      // CampaignForm builds labels and help texts from its field names.
      'campaigns.field': [
        'year',
        'unitName',
        'documentNumber',
        'place',
        'start',
        'end',
        'day',
        'deadline',
        'recipient',
      ],
      'campaigns.help': ['unitName', 'documentNumber', 'place', 'recipient'],
      // Every problem checkCampaignInput can give each field.
      'campaigns.problem': [
        'year.required',
        'year.invalid',
        ...['unitName', 'theme', 'recipient'].flatMap((f) => [`${f}.required`, `${f}.too-long`]),
        'documentNumber.too-long',
        'place.too-long',
        ...['start', 'end', 'day'].flatMap((f) =>
          ['required', 'invalid', 'other-year'].map((p) => `${f}.${p}`),
        ),
        'end.before-start',
        'day.outside-campaign',
        ...['required', 'invalid', 'before-end'].map((p) => `deadline.${p}`),
      ],
      'campaigns.plan.field': ['title', 'owner', 'target'],
      // PlannedForm words the targets the seed plans give (lib/domain/campaign.ts).
      'campaigns.plan.defaultTarget': seededTargets,
      'campaigns.plan.problem': ['required', 'invalid', 'too-long', 'outside-campaign'],
      'campaigns.log.field': ['participants', 'banners', 'leaflets', 'articles', 'sessions'],
      'campaigns.log.problem': [
        ...['required', 'invalid', 'too-long', 'outside-campaign', 'future'],
        ...['negative', 'whole-number', 'too-large'],
      ],
      'campaigns.report.field': ['assessment', 'difficulties', 'proposals'],
      // The report's text and its annex (features/campaigns/report.ts).
      'campaigns.doc': [
        ...['number', 'nation', 'motto', 'dateLine', 'title', 'subtitle', 'results', 'intro', 'figures'],
        ...['noData', 'colNumber', 'colActivity', 'colCount', 'colParticipants', 'rowSessions', 'rowSchools'],
        ...['rowTotal', 'assessment', 'difficulties', 'proposals', 'toWrite', 'recipients', 'recipientMain'],
        ...['recipientArchive', 'signature', 'signatureHint', 'figuresNobody', 'figuresNone', 'detailIntro'],
      ],
      // One line of the report per figure something was done for (reportFigures).
      'campaigns.doc.figure': ['sessionsHeld', 'banners', 'leaflets', 'articles'],
      'campaigns.annex': [
        ...['summarySheet', 'detailSheet', 'noData', 'date', 'kind', 'title', 'participants', 'banners'],
        ...['leaflets', 'articles', 'sessions', 'session', 'sessionTitle', 'school', 'schoolTitle'],
      ],
      // The headers and words of the coverage export (coverageExport.ts).
      'schools.export': [
        ...['school', 'year', 'grade', 'class', 'classes', 'classesReached', 'classShare', 'enrolled'],
        ...['studentsReached', 'studentShare', 'activities', 'reached', 'dates', 'note', 'yes', 'no'],
        ...['summarySheet', 'classesSheet'],
      ],
    };
    const keys = baseKeys(vi);
    const missing = Object.entries(families).flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !keys.has(key)),
    );
    expect(missing).toEqual([]);
    // And no other families are built in the code without being listed here.
    const built = [...sources.matchAll(/locale\.t\(`([\w.]+)\.\$\{/g)].map((m) => m[1] as string);
    expect([...new Set(built)].filter((prefix) => !(prefix in families))).toEqual([]);
  });
});
