/**
 * The June action month: the campaign form's checks, its defaults for any year (nothing
 * here depends on today being in June), the countdowns, the plan's templates (the date each
 * takes inside the campaign and the targets the seed plans give), logging what happened, and
 * the report's figures: every ledger record dated inside the campaign counts once, whichever
 * screen recorded it, and a figure nothing was done for is left out of the report.
 */
import {
  campaignLimits,
  type Campaign,
  type CampaignTemplate,
  type PlannedActivity,
  type PlannedStatus,
} from './campaign.schema';
import {
  campaignActivityLimits,
  maxParticipants,
  type CampaignActivityEntry,
  type LedgerEntry,
} from './ledger.schema';
import { parseCount } from './sessionRecord';
import { addDays, isCalendarDate } from './dates';
import { findUnit } from './units';
import type { Unit, UnitKind } from './unit.schema';

/** Past official themes of the action month (facts.md §2), offered as references with their year. */
export const pastThemes: ReadonlyArray<{ year: number; theme: string }> = [
  { year: 2025, theme: 'Chung một quyết tâm – Vì cộng đồng không ma túy' },
  { year: 2024, theme: 'Chung tay xây dựng xã, phường, thị trấn sạch ma túy' },
  {
    year: 2023,
    theme:
      'Phòng, chống ma túy quyết liệt, hiệu quả, nâng cao trách nhiệm, chủ động phối hợp – Vì một cộng đồng sạch ma túy',
  },
  {
    year: 2022,
    theme:
      'Nâng cao hiệu quả công tác cai nghiện ma túy và quản lý người sử dụng trái phép chất ma túy – Vì một cộng đồng khỏe mạnh và an toàn',
  },
  { year: 2021, theme: 'Vì sức khỏe của mọi người, hạnh phúc của mọi nhà – Hãy tránh xa ma túy' },
  { year: 2018, theme: 'Hãy bảo vệ thế hệ trẻ trước hiểm họa ma túy' },
];

/** 1–30 June, 26 June, and the report by 1 July (seed 001: "trước ngày 01/7"); all editable. */
export function campaignDefaults(year: number): Pick<Campaign, 'start' | 'end' | 'day' | 'deadline'> {
  return { start: `${year}-06-01`, end: `${year}-06-30`, day: `${year}-06-26`, deadline: `${year}-07-01` };
}

export function inCampaign(date: string, campaign: Pick<Campaign, 'start' | 'end'>): boolean {
  return date >= campaign.start && date <= campaign.end;
}

/** Whole days from `today` to `date` (negative once it has passed). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface CampaignTotals {
  /** Records counted, by kind. */
  sessions: number;
  schoolActivities: number;
  campaignActivities: number;
  /** People reached: session participants, students of school activities, campaign activities' participants. */
  participants: number;
  sessionParticipants: number;
  students: number;
  banners: number;
  leaflets: number;
  articles: number;
  /** Sessions held: recorded sessions plus the sessions campaign activities counted. */
  sessionsHeld: number;
  /** Campaign activities by kind: how many, and the people they reached. */
  byTemplate: Partial<Record<CampaignTemplate, { activities: number; participants: number }>>;
  /** Nothing was logged: the report says so instead of printing zeros. */
  empty: boolean;
}

/**
 * The campaign's figures from the ledger: each record dated inside the campaign counts once
 * (by id), campaign activities only when they belong to this campaign.
 */
export function campaignTotals(campaign: Campaign, entries: readonly LedgerEntry[]): CampaignTotals {
  const totals: CampaignTotals = {
    sessions: 0,
    schoolActivities: 0,
    campaignActivities: 0,
    participants: 0,
    sessionParticipants: 0,
    students: 0,
    banners: 0,
    leaflets: 0,
    articles: 0,
    sessionsHeld: 0,
    byTemplate: {},
    empty: true,
  };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id) || !inCampaign(entry.date, campaign)) continue;
    if (entry.kind === 'campaign-activity' && entry.campaignId !== campaign.id) continue;
    seen.add(entry.id);
    totals.participants += entry.participants;
    if (entry.kind === 'session') {
      totals.sessions++;
      totals.sessionsHeld++;
      totals.sessionParticipants += entry.participants;
      totals.leaflets += entry.leaflets ?? 0;
    } else if (entry.kind === 'school-activity') {
      totals.schoolActivities++;
      totals.students += entry.participants;
    } else {
      totals.campaignActivities++;
      totals.banners += entry.banners ?? 0;
      totals.leaflets += entry.leaflets ?? 0;
      totals.articles += entry.articles ?? 0;
      totals.sessionsHeld += entry.sessions ?? 0;
      const row = (totals.byTemplate[entry.activity] ??= { activities: 0, participants: 0 });
      row.activities++;
      row.participants += entry.participants;
    }
  }
  totals.empty = seen.size === 0;
  return totals;
}

/** A figure of the report's results besides the activities and the people they reached. */
export type ReportFigure = 'sessionsHeld' | 'banners' | 'leaflets' | 'articles';
const reportFigureOrder: readonly ReportFigure[] = ['sessionsHeld', 'banners', 'leaflets', 'articles'];

/**
 * The figures the report lists, in its order, leaving out each one nothing was done for: a
 * report says what was done, and a line such as "đăng, phát 0 tin, bài" only shows a gap.
 * Empty when every one is zero, so the report can say that in one sentence instead.
 */
export function reportFigures(totals: CampaignTotals): Array<{ figure: ReportFigure; count: number }> {
  return reportFigureOrder
    .filter((figure) => totals[figure] > 0)
    .map((figure) => ({ figure, count: totals[figure] }));
}

// ---------------------------------------------------------------------------------------
// The campaign form.

export interface CampaignInput {
  year: string;
  unitName: string;
  /** Used when the unit is new. */
  unitKind: UnitKind;
  documentNumber: string;
  place: string;
  theme: string;
  start: string;
  end: string;
  day: string;
  deadline: string;
  recipient: string;
}
export type CampaignField = keyof CampaignInput;
export type CampaignProblem =
  'required' | 'invalid' | 'too-long' | 'other-year' | 'before-start' | 'outside-campaign' | 'before-end';
export type CampaignProblems = Partial<Record<CampaignField, CampaignProblem>>;

export function emptyCampaignInput(year: number): CampaignInput {
  return {
    year: String(year),
    unitName: '',
    unitKind: 'commune',
    documentNumber: '',
    place: '',
    theme: '',
    ...campaignDefaults(year),
    recipient: '',
  };
}

export function checkCampaignInput(input: CampaignInput): CampaignProblems {
  const problems: CampaignProblems = {};
  const year = Number(input.year.trim());
  if (!input.year.trim()) problems.year = 'required';
  else if (!/^\d{4}$/.test(input.year.trim()) || year < 2000 || year > 2100) problems.year = 'invalid';
  const required = (field: CampaignField, max: number) => {
    const value = input[field].trim();
    if (!value) problems[field] = 'required';
    else if (value.length > max) problems[field] = 'too-long';
  };
  required('unitName', 120);
  required('theme', campaignLimits.theme);
  required('recipient', campaignLimits.recipient);
  if (input.documentNumber.trim().length > campaignLimits.documentNumber)
    problems.documentNumber = 'too-long';
  if (input.place.trim().length > campaignLimits.place) problems.place = 'too-long';
  for (const field of ['start', 'end', 'day', 'deadline'] as const) {
    const value = input[field].trim();
    if (!value) problems[field] = 'required';
    else if (!isCalendarDate(value)) problems[field] = 'invalid';
    else if (!problems.year && field !== 'deadline' && Number(value.slice(0, 4)) !== year)
      problems[field] = 'other-year';
  }
  const [start, end, day, deadline] = [input.start, input.end, input.day, input.deadline].map((d) =>
    d.trim(),
  ) as [string, string, string, string];
  if (!problems.start && !problems.end && end < start) problems.end = 'before-start';
  if (!problems.start && !problems.end && !problems.day && !inCampaign(day, { start, end }))
    problems.day = 'outside-campaign';
  if (!problems.end && !problems.deadline && deadline < end) problems.deadline = 'before-end';
  return problems;
}

/** The campaign a checked form makes (or `existing` edited), and its issuing unit when new. */
export function toCampaign(
  input: CampaignInput,
  units: readonly Unit[],
  context: { newId: () => string; now: Date; existing?: Campaign },
): { campaign: Campaign; created: Unit[] } {
  const at = context.now.toISOString();
  const name = input.unitName.trim().replace(/\s+/g, ' ');
  const found = findUnit(name, units);
  const created: Unit[] = found
    ? []
    : [{ id: context.newId(), name, kind: input.unitKind, createdAt: at, updatedAt: at }];
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const campaign: Campaign = {
    id: context.existing?.id ?? context.newId(),
    year: Number(input.year.trim()),
    unitId: found?.id ?? (created[0] as Unit).id,
    theme: input.theme.trim().replace(/\s+/g, ' '),
    start: input.start.trim(),
    end: input.end.trim(),
    day: input.day.trim(),
    deadline: input.deadline.trim(),
    recipient: input.recipient.trim(),
    planned: context.existing?.planned ?? [],
    narrative: context.existing?.narrative ?? {},
    createdAt: context.existing?.createdAt ?? at,
    updatedAt: at,
  };
  const documentNumber = optional(input.documentNumber);
  const place = optional(input.place);
  if (documentNumber) campaign.documentNumber = documentNumber;
  if (place) campaign.place = place;
  return { campaign, created };
}

export function toCampaignInput(campaign: Campaign, units: readonly Unit[]): CampaignInput {
  const unit = units.find((u) => u.id === campaign.unitId);
  return {
    year: String(campaign.year),
    unitName: unit?.name ?? '',
    unitKind: unit?.kind ?? 'commune',
    documentNumber: campaign.documentNumber ?? '',
    place: campaign.place ?? '',
    theme: campaign.theme,
    start: campaign.start,
    end: campaign.end,
    day: campaign.day,
    deadline: campaign.deadline,
    recipient: campaign.recipient,
  };
}

// ---------------------------------------------------------------------------------------
// Planned activities.

export interface PlannedInput {
  template: CampaignTemplate | '';
  title: string;
  date: string;
  owner: string;
  target: string;
}
export type PlannedField = keyof PlannedInput;
export type PlannedProblems = Partial<Record<PlannedField, CampaignProblem>>;

export function checkPlannedInput(input: PlannedInput, campaign: Campaign): PlannedProblems {
  const problems: PlannedProblems = {};
  if (!input.template) problems.template = 'required';
  const title = input.title.trim();
  if (!title) problems.title = 'required';
  else if (title.length > campaignLimits.title) problems.title = 'too-long';
  const date = input.date.trim();
  if (!date) problems.date = 'required';
  else if (!isCalendarDate(date)) problems.date = 'invalid';
  else if (!inCampaign(date, campaign)) problems.date = 'outside-campaign';
  if (input.owner.trim().length > campaignLimits.owner) problems.owner = 'too-long';
  if (input.target.trim().length > campaignLimits.target) problems.target = 'too-long';
  return problems;
}

export function toPlannedActivity(input: PlannedInput, id: string): PlannedActivity {
  const owner = input.owner.trim();
  const target = input.target.trim();
  return {
    id,
    template: input.template as CampaignTemplate,
    title: input.title.trim(),
    date: input.date.trim(),
    ...(owner ? { owner } : {}),
    ...(target ? { target } : {}),
    status: 'planned',
  };
}

/**
 * Templates whose default target a seed plan (shared/seeds) states; the wording is the
 * message `campaigns.plan.defaultTarget.<template>`, kept close to the plan's words. Every
 * other template has no default target: no seed gives one (launch, banners, contests, arts
 * and sports, media, other), and the app does not invent figures.
 * - school-activities and worker-sessions: seed 002 (135/KH-UBND Hưng Yên, 18/12/2025, I.3
 *   "Chỉ tiêu cụ thể đến năm 2030"): "tuyên truyền, phổ biến, giáo dục pháp luật, kiến thức,
 *   kỹ năng về phòng, chống ma túy cho người học tại 100% nhà trường và 100% người lao động
 *   tại các khu, cụm công nghiệp".
 * - home-visits: seed 001 (Việt Yên's action-month plan 2024, II.10, for every commune and
 *   ward): "Tăng cường các hoạt động tuyên truyền PCMT đến từng khu phố, hộ gia đình".
 * Seed 002 also sets "100% cơ quan truyền thông báo chí, truyền hình … có chuyên trang, chuyên
 * mục": a target for the press, not for a unit's own news items, so media has none.
 */
export const seededTargets = [
  'school-activities',
  'worker-sessions',
  'home-visits',
] as const satisfies readonly CampaignTemplate[];
export type SeededTarget = (typeof seededTargets)[number];

const hasSeededTarget = (template: CampaignTemplate): template is SeededTarget =>
  (seededTargets as readonly CampaignTemplate[]).includes(template);

/**
 * The date a template's activity gets by default, inside the campaign's own period (any
 * year, any dates the unit set), relative to its start and its 26 June day:
 * - launch: the first day, so "phát động" opens the month and comes well before 26/6;
 * - banners and media: the first day too, as banners hang and news runs through the whole
 *   month and are meant to be up and out before the events they announce;
 * - arts and sports: the 26 June day itself, which such events mark;
 * - everything else (sessions for workers, school and summer activities, home visits, the
 *   contest, other): halfway between the launch and 26/6, in the weeks that lead up to it,
 *   so a contest's results can be announced on the day.
 * The report is not a template: its deadline is the campaign's own (`deadline`).
 */
export function templateDate(template: CampaignTemplate, campaign: Pick<Campaign, 'start' | 'day'>): string {
  switch (template) {
    case 'launch':
    case 'banners':
    case 'media':
      return campaign.start;
    case 'arts-sports':
      return campaign.day;
    default:
      return addDays(campaign.start, Math.floor(daysUntil(campaign.day, campaign.start) / 2));
  }
}

/** What choosing a template puts in the plan's form: its name, its date and its seeded target. */
export interface TemplateWording {
  /** The template's name in the user's language. */
  title: (template: CampaignTemplate) => string;
  /** The seeded target's wording in the user's language. */
  target: (template: SeededTarget) => string;
}

function templateDefaults(
  template: PlannedInput['template'],
  campaign: Pick<Campaign, 'start' | 'day'>,
  wording: TemplateWording,
): Pick<PlannedInput, 'title' | 'date' | 'target'> {
  if (!template) return { title: '', date: '', target: '' };
  return {
    title: wording.title(template),
    date: templateDate(template, campaign),
    target: hasSeededTarget(template) ? wording.target(template) : '',
  };
}

/**
 * The plan's form after a template is chosen: its kind, and its name, date and target as the
 * template has them, each only where the user has not written their own (the field is empty
 * or still holds what the template chosen before put there). The owner is left to the user:
 * the seed plans name district departments, not who runs a commune's, a school's or a
 * union's own activity.
 */
export function withTemplate(
  input: PlannedInput,
  template: PlannedInput['template'],
  campaign: Pick<Campaign, 'start' | 'day'>,
  wording: TemplateWording,
): PlannedInput {
  const before = templateDefaults(input.template, campaign, wording);
  const after = templateDefaults(template, campaign, wording);
  const keep = (field: 'title' | 'date' | 'target') =>
    input[field].trim() !== '' && input[field] !== before[field];
  return {
    ...input,
    template,
    title: keep('title') ? input.title : after.title,
    date: keep('date') ? input.date : after.date,
    target: keep('target') ? input.target : after.target,
  };
}

/** The plan in date order, then by title. */
export function plannedInOrder(campaign: Campaign): PlannedActivity[] {
  return [...campaign.planned].sort(
    (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'vi'),
  );
}

// ---------------------------------------------------------------------------------------
// Logging what happened.

export interface LogInput {
  template: CampaignTemplate | '';
  title: string;
  date: string;
  participants: string;
  banners: string;
  leaflets: string;
  articles: string;
  sessions: string;
  notes: string;
  /** The planned activity it carries out, if any. */
  plannedId: string;
}
export type LogField = Exclude<keyof LogInput, 'plannedId'>;
export type LogProblem = CampaignProblem | 'negative' | 'whole-number' | 'too-large' | 'future';
export type LogProblems = Partial<Record<LogField, LogProblem>>;

const countFields = ['participants', 'banners', 'leaflets', 'articles', 'sessions'] as const;

/**
 * An empty log, or one that starts from a planned activity: its kind, its title, and its date
 * unless that is still to come (an activity done earlier than planned is logged today, as
 * nothing can be logged ahead).
 * @param date today, the local date
 */
export function emptyLogInput(date: string, planned?: PlannedActivity): LogInput {
  return {
    template: planned?.template ?? '',
    title: planned?.title ?? '',
    date: planned && planned.date <= date ? planned.date : date,
    participants: '',
    banners: '',
    leaflets: '',
    articles: '',
    sessions: '',
    notes: '',
    plannedId: planned?.id ?? '',
  };
}

/** @param today the local date: an activity is logged once it has happened */
export function checkLogInput(input: LogInput, campaign: Campaign, today: string): LogProblems {
  const problems: LogProblems = {};
  if (!input.template) problems.template = 'required';
  const title = input.title.trim();
  if (!title) problems.title = 'required';
  else if (title.length > campaignActivityLimits.title) problems.title = 'too-long';
  const date = input.date.trim();
  if (!date) problems.date = 'required';
  else if (!isCalendarDate(date)) problems.date = 'invalid';
  else if (!inCampaign(date, campaign)) problems.date = 'outside-campaign';
  else if (date > today) problems.date = 'future';
  for (const field of countFields) {
    const value = parseCount(input[field]);
    const max = field === 'participants' ? maxParticipants : campaignActivityLimits.count;
    if (typeof value === 'string') problems[field] = value;
    else if (value !== undefined && value > max) problems[field] = 'too-large';
  }
  if (input.notes.trim().length > campaignActivityLimits.notes) problems.notes = 'too-long';
  return problems;
}

export function toCampaignActivityEntry(
  input: LogInput,
  campaign: Campaign,
  context: { id: string; now: Date },
): CampaignActivityEntry {
  const at = context.now.toISOString();
  const counted = (field: (typeof countFields)[number]) => {
    const value = parseCount(input[field]);
    return typeof value === 'number' ? value : undefined;
  };
  const entry: CampaignActivityEntry = {
    id: context.id,
    kind: 'campaign-activity',
    unitId: campaign.unitId,
    campaignId: campaign.id,
    date: input.date.trim(),
    activity: input.template as CampaignTemplate,
    title: input.title.trim(),
    participants: counted('participants') ?? 0,
    createdAt: at,
    updatedAt: at,
  };
  if (input.plannedId) entry.plannedId = input.plannedId;
  for (const field of ['banners', 'leaflets', 'articles', 'sessions'] as const) {
    const value = counted(field);
    if (value !== undefined) entry[field] = value;
  }
  const notes = input.notes.trim();
  if (notes) entry.notes = notes;
  return entry;
}

/** The campaign with one planned activity's status changed. */
export function withStatus(
  campaign: Campaign,
  plannedId: string,
  status: PlannedStatus,
  now: Date,
): Campaign {
  return {
    ...campaign,
    planned: campaign.planned.map((p) => (p.id === plannedId ? { ...p, status } : p)),
    updatedAt: now.toISOString(),
  };
}
