/**
 * The June action month: the campaign form's checks, its defaults for any year (nothing
 * here depends on today being in June), the countdowns, and the report's figures: every
 * ledger record dated inside the campaign counts once, whichever screen recorded it.
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
import { isCalendarDate } from './dates';
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

export function emptyLogInput(date: string, planned?: PlannedActivity): LogInput {
  return {
    template: planned?.template ?? '',
    title: planned?.title ?? '',
    date: planned?.date ?? date,
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
