import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  campaignDefaults,
  campaignTotals,
  checkCampaignInput,
  checkLogInput,
  checkPlannedInput,
  daysUntil,
  emptyCampaignInput,
  emptyLogInput,
  toCampaign,
  toCampaignActivityEntry,
  withStatus,
  inCampaign,
  pastThemes,
  plannedInOrder,
  reportFigures,
  seededTargets,
  templateDate,
  toPlannedActivity,
  withTemplate,
  type CampaignInput,
  type PlannedInput,
  type TemplateWording,
} from '../../../src/lib/domain/campaign';
import {
  campaignLimits,
  campaignSchema,
  campaignTemplates,
  plannedActivitySchema,
  type Campaign,
  type CampaignTemplate,
  type PlannedActivity,
} from '../../../src/lib/domain/campaign.schema';
import { ledgerEntrySchema, type LedgerEntry } from '../../../src/lib/domain/ledger.schema';

const at = '2027-05-20T02:00:00.000Z';
const uuid = () => crypto.randomUUID();
const communeId = uuid();
const companyId = uuid();
const schoolId = uuid();

function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return campaignSchema.parse({
    id: uuid(),
    year: 2027,
    unitId: communeId,
    theme: 'Chung tay vì một phường không ma túy',
    ...campaignDefaults(2027),
    recipient: 'UBND thành phố Bắc Ninh',
    planned: [],
    narrative: {},
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

function session(date: string, participants: number, leaflets?: number): LedgerEntry {
  return ledgerEntrySchema.parse({
    id: uuid(),
    kind: 'session',
    unitId: companyId,
    date,
    audience: 'workers',
    participants,
    durationMinutes: 45,
    topics: ['luring', 'refusal'],
    materials: [],
    ...(leaflets === undefined ? {} : { leaflets }),
    createdAt: `${date}T08:00:00.000Z`,
    updatedAt: `${date}T08:00:00.000Z`,
  });
}

function schoolActivity(date: string, students: number[]): LedgerEntry {
  return ledgerEntrySchema.parse({
    id: uuid(),
    kind: 'school-activity',
    unitId: schoolId,
    date,
    activity: 'flag-salute',
    audience: 'thcs',
    classes: students.map((n) => ({ unitId: uuid(), students: n })),
    participants: students.reduce((sum, n) => sum + n, 0),
    topics: ['law'],
    materials: [],
    createdAt: `${date}T03:00:00.000Z`,
    updatedAt: `${date}T03:00:00.000Z`,
  });
}

function campaignActivity(
  campaign: Pick<Campaign, 'id'>,
  date: string,
  activity: CampaignTemplate,
  counts: { participants: number; banners?: number; leaflets?: number; articles?: number; sessions?: number },
): LedgerEntry {
  return ledgerEntrySchema.parse({
    id: uuid(),
    kind: 'campaign-activity',
    unitId: communeId,
    campaignId: campaign.id,
    date,
    activity,
    title: `Hoạt động ${activity}`,
    ...counts,
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
  });
}

describe('Campaign dates', () => {
  test('The default campaign runs 1–30 June with 26 June and a report due on 1 July of the given year', () => {
    expect(campaignDefaults(2027)).toEqual({
      start: '2027-06-01',
      end: '2027-06-30',
      day: '2027-06-26',
      deadline: '2027-07-01',
    });
    expect(campaignDefaults(2031)).toEqual({
      start: '2031-06-01',
      end: '2031-06-30',
      day: '2031-06-26',
      deadline: '2031-07-01',
    });
  });

  test('A date is in the campaign from its first to its last day, both included', () => {
    const june = campaignDefaults(2027);
    expect(inCampaign('2027-06-01', june)).toBe(true);
    expect(inCampaign('2027-06-15', june)).toBe(true);
    expect(inCampaign('2027-06-30', june)).toBe(true);
    expect(inCampaign('2027-05-31', june)).toBe(false);
    expect(inCampaign('2027-07-01', june)).toBe(false);
    // The same days of another year are not in it.
    expect(inCampaign('2026-06-10', june)).toBe(false);
  });

  test('The days until a date are positive before it, zero on it and negative once it has passed', () => {
    expect(daysUntil('2027-06-26', '2027-06-01')).toBe(25);
    // Across a month end: 30 May → 1 July is 1 + 30 + 1 days.
    expect(daysUntil('2027-07-01', '2027-05-30')).toBe(32);
    expect(daysUntil('2027-06-26', '2027-06-26')).toBe(0);
    expect(daysUntil('2027-07-01', '2027-07-03')).toBe(-2);
    // Across a year end and a leap day: 2028 has 366 days.
    expect(daysUntil('2029-01-01', '2028-01-01')).toBe(366);
  });
});

describe('Campaign figures', () => {
  const campaign = makeCampaign();
  const other = makeCampaign({ theme: 'Một chiến dịch khác' });

  // Inside the campaign.
  const firstDay = session('2027-06-01', 40, 25);
  const lastDay = session('2027-06-30', 30);
  const flagSalute = schoolActivity('2027-06-15', [36, 40]);
  const launch = campaignActivity(campaign, '2027-06-02', 'launch', {
    participants: 320,
    banners: 12,
    leaflets: 500,
  });
  const media = campaignActivity(campaign, '2027-06-10', 'media', { participants: 0, articles: 3 });
  const workerSessions = campaignActivity(campaign, '2027-06-20', 'worker-sessions', {
    participants: 150,
    leaflets: 200,
    sessions: 4,
  });
  const march = campaignActivity(campaign, '2027-06-26', 'launch', { participants: 80, banners: 2 });
  // Outside it: the days before and after, and another campaign's activity dated inside.
  const dayBefore = session('2027-05-31', 50, 100);
  const dayAfter = schoolActivity('2027-07-01', [20]);
  const lateActivity = campaignActivity(campaign, '2027-07-02', 'banners', { participants: 10, banners: 5 });
  const otherCampaigns = campaignActivity(other, '2027-06-12', 'banners', {
    participants: 999,
    banners: 50,
    leaflets: 1000,
    sessions: 7,
  });

  const entries = [
    firstDay,
    lastDay,
    flagSalute,
    launch,
    media,
    workerSessions,
    march,
    dayBefore,
    dayAfter,
    lateActivity,
    otherCampaigns,
  ];

  test('Every record dated inside the campaign counts once, of each kind, and nothing else', () => {
    // The same records passed a second time (e.g. read from two places) change nothing.
    const totals = campaignTotals(campaign, [...entries, firstDay, launch, flagSalute]);
    expect(totals).toEqual({
      // 1 June and 30 June; not 31 May.
      sessions: 2,
      // 15 June; not 1 July.
      schoolActivities: 1,
      // launch, media, worker-sessions, the 26 June march; not 2 July, not the other campaign's.
      campaignActivities: 4,
      // 40 + 30 (sessions) + 76 (students) + 320 + 0 + 150 + 80 (campaign activities) = 696.
      participants: 696,
      // 40 + 30.
      sessionParticipants: 70,
      // 36 + 40.
      students: 76,
      // 12 + 2.
      banners: 14,
      // 25 (the 1 June session) + 500 (launch) + 200 (worker sessions) = 725.
      leaflets: 725,
      articles: 3,
      // 2 recorded sessions + 4 the worker-sessions activity counted.
      sessionsHeld: 6,
      byTemplate: {
        // 320 + 80.
        launch: { activities: 2, participants: 400 },
        media: { activities: 1, participants: 0 },
        'worker-sessions': { activities: 1, participants: 150 },
      },
      empty: false,
    });
  });

  test('Another campaign’s activity does not count even when dated inside this campaign', () => {
    const totals = campaignTotals(campaign, [otherCampaigns]);
    expect(totals).toMatchObject({ campaignActivities: 0, participants: 0, banners: 0, empty: true });
    expect(totals.byTemplate).toEqual({});
    // It counts for its own campaign, which has the same dates.
    expect(campaignTotals(other, [otherCampaigns])).toMatchObject({
      campaignActivities: 1,
      participants: 999,
      banners: 50,
      leaflets: 1000,
      sessionsHeld: 7,
      byTemplate: { banners: { activities: 1, participants: 999 } },
      empty: false,
    });
  });

  test('A campaign with nothing dated inside it is empty, with every figure zero', () => {
    const zeros = {
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
    expect(campaignTotals(campaign, [])).toEqual(zeros);
    expect(campaignTotals(campaign, [dayBefore, dayAfter, lateActivity, otherCampaigns])).toEqual(zeros);
  });

  test('One record inside the campaign is enough for it not to be empty, even one that reached nobody', () => {
    expect(campaignTotals(campaign, [dayBefore, media])).toMatchObject({
      campaignActivities: 1,
      participants: 0,
      articles: 3,
      empty: false,
    });
    expect(campaignTotals(campaign, [lastDay]).empty).toBe(false);
  });

  test('A campaign moved to other dates counts the records of its new dates', () => {
    // 25 May – 5 June: 31 May and 1–2 June are in, 10 June onwards out.
    const moved = campaignSchema.parse({ ...campaign, start: '2027-05-25', end: '2027-06-05' });
    expect(campaignTotals(moved, entries)).toMatchObject({
      sessions: 2,
      schoolActivities: 0,
      campaignActivities: 1,
      // 40 + 50 + 320.
      participants: 410,
      // 25 + 100 + 500.
      leaflets: 625,
      sessionsHeld: 2,
    });
  });
});

describe('The report’s figures', () => {
  const campaign = makeCampaign();

  test('Each figure is listed in the report’s order, with what was done', () => {
    const totals = campaignTotals(campaign, [
      session('2027-06-03', 40, 25),
      campaignActivity(campaign, '2027-06-02', 'launch', { participants: 320, banners: 12, leaflets: 500 }),
      campaignActivity(campaign, '2027-06-10', 'media', { participants: 0, articles: 3 }),
      campaignActivity(campaign, '2027-06-20', 'worker-sessions', { participants: 150, sessions: 4 }),
    ]);
    expect(reportFigures(totals)).toEqual([
      // 1 recorded session + 4 held by the workers' activity.
      { figure: 'sessionsHeld', count: 5 },
      { figure: 'banners', count: 12 },
      { figure: 'leaflets', count: 525 },
      { figure: 'articles', count: 3 },
    ]);
  });

  test('A figure nothing was done for is left out, not listed as 0', () => {
    const totals = campaignTotals(campaign, [
      campaignActivity(campaign, '2027-06-05', 'banners', { participants: 0, banners: 25 }),
      campaignActivity(campaign, '2027-06-06', 'home-visits', { participants: 60, leaflets: 0, articles: 0 }),
    ]);
    expect(reportFigures(totals)).toEqual([{ figure: 'banners', count: 25 }]);
  });

  test('Activities that counted nothing but people leave the list empty, for the report to say so in one sentence', () => {
    const totals = campaignTotals(campaign, [
      campaignActivity(campaign, '2027-06-26', 'arts-sports', { participants: 400 }),
    ]);
    expect(totals.empty).toBe(false);
    expect(reportFigures(totals)).toEqual([]);
    expect(reportFigures(campaignTotals(campaign, []))).toEqual([]);
  });
});

describe('The campaign form', () => {
  const valid = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
    year: '2027',
    unitName: 'UBND phường Võ Cường',
    unitKind: 'commune',
    documentNumber: '45/KH-UBND',
    place: 'Võ Cường',
    theme: 'Chung tay vì một phường không ma túy',
    ...campaignDefaults(2027),
    recipient: 'UBND thành phố Bắc Ninh',
    ...overrides,
  });

  test('A complete form has no problems, the document number and the place being optional', () => {
    expect(checkCampaignInput(valid())).toEqual({});
    expect(checkCampaignInput(valid({ documentNumber: '', place: '  ' }))).toEqual({});
    expect(checkCampaignInput(valid({ year: '2031', ...campaignDefaults(2031) }))).toEqual({});
  });

  test('The year, the unit, the theme, the recipient and the four dates are required', () => {
    expect(
      checkCampaignInput(
        valid({ unitName: ' ', theme: '', recipient: '   ', start: '', end: '', day: ' ', deadline: '' }),
      ),
    ).toEqual({
      unitName: 'required',
      theme: 'required',
      recipient: 'required',
      start: 'required',
      end: 'required',
      day: 'required',
      deadline: 'required',
    });
    expect(checkCampaignInput(valid({ year: '  ' }))).toEqual({ year: 'required' });
  });

  test('The year must be four digits between 2000 and 2100', () => {
    expect(checkCampaignInput(valid({ year: '20x7' })).year).toBe('invalid');
    expect(checkCampaignInput(valid({ year: '27' })).year).toBe('invalid');
    expect(checkCampaignInput(valid({ year: '1999', ...campaignDefaults(1999) }))).toEqual({
      year: 'invalid',
    });
    expect(checkCampaignInput(valid({ year: '2101', ...campaignDefaults(2101) }))).toEqual({
      year: 'invalid',
    });
    expect(checkCampaignInput(valid({ year: '2000', ...campaignDefaults(2000) }))).toEqual({});
    expect(checkCampaignInput(valid({ year: '2100', ...campaignDefaults(2100) }))).toEqual({});
  });

  test('Dates must be real days, not rolled over to the next month', () => {
    expect(checkCampaignInput(valid({ end: '2027-06-31' }))).toEqual({ end: 'invalid' });
    expect(checkCampaignInput(valid({ start: '1/6/2027', deadline: '2027-02-29' }))).toEqual({
      start: 'invalid',
      deadline: 'invalid',
    });
  });

  test('The start, the end and the 26 June day fall in the campaign’s year', () => {
    expect(checkCampaignInput(valid({ start: '2026-06-01' }))).toEqual({ start: 'other-year' });
    expect(checkCampaignInput(valid({ end: '2028-06-30' }))).toEqual({ end: 'other-year' });
    expect(checkCampaignInput(valid({ day: '2026-06-26' }))).toEqual({ day: 'other-year' });
    // With an unreadable year the dates are not compared with it.
    expect(checkCampaignInput(valid({ year: '20x7', start: '2026-06-01' }))).toEqual({ year: 'invalid' });
  });

  test('The campaign cannot end before it starts; a one-day campaign is fine', () => {
    expect(checkCampaignInput(valid({ start: '2027-06-10', end: '2027-06-09', day: '2027-06-10' }))).toEqual({
      end: 'before-start',
    });
    expect(checkCampaignInput(valid({ start: '2027-06-26', end: '2027-06-26', day: '2027-06-26' }))).toEqual(
      {},
    );
  });

  test('The 26 June day must fall inside the campaign, its first and last days included', () => {
    expect(checkCampaignInput(valid({ day: '2027-07-15' }))).toEqual({ day: 'outside-campaign' });
    expect(checkCampaignInput(valid({ day: '2027-05-31' }))).toEqual({ day: 'outside-campaign' });
    expect(checkCampaignInput(valid({ day: '2027-06-01' }))).toEqual({});
    expect(checkCampaignInput(valid({ day: '2027-06-30' }))).toEqual({});
  });

  test('The report’s deadline cannot be before the campaign ends, but may be on its last day or next year', () => {
    expect(checkCampaignInput(valid({ deadline: '2027-06-29' }))).toEqual({ deadline: 'before-end' });
    expect(checkCampaignInput(valid({ deadline: '2027-06-30' }))).toEqual({});
    expect(
      checkCampaignInput(
        valid({ start: '2027-12-01', end: '2027-12-31', day: '2027-12-26', deadline: '2028-01-05' }),
      ),
    ).toEqual({});
  });

  test('Texts longer than their limits are refused', () => {
    expect(checkCampaignInput(valid({ theme: 'x'.repeat(300) }))).toEqual({});
    expect(checkCampaignInput(valid({ theme: 'x'.repeat(301) }))).toEqual({ theme: 'too-long' });
    expect(checkCampaignInput(valid({ unitName: 'x'.repeat(121) }))).toEqual({ unitName: 'too-long' });
    expect(checkCampaignInput(valid({ recipient: 'x'.repeat(301) }))).toEqual({ recipient: 'too-long' });
    expect(checkCampaignInput(valid({ documentNumber: 'x'.repeat(41) }))).toEqual({
      documentNumber: 'too-long',
    });
    expect(checkCampaignInput(valid({ place: 'x'.repeat(81) }))).toEqual({ place: 'too-long' });
  });
});

describe('Planned activities', () => {
  const campaign = makeCampaign();
  const valid = (overrides: Partial<PlannedInput> = {}): PlannedInput => ({
    template: 'launch',
    title: 'Lễ phát động Tháng hành động',
    date: '2027-06-02',
    owner: 'Công an phường',
    target: '300 người dự',
    ...overrides,
  });

  test('A complete planned activity has no problems, the owner and the target being optional', () => {
    expect(checkPlannedInput(valid(), campaign)).toEqual({});
    expect(checkPlannedInput(valid({ owner: '', target: ' ' }), campaign)).toEqual({});
  });

  test('The kind, the title and the date are required', () => {
    expect(checkPlannedInput(valid({ template: '', title: '  ', date: '' }), campaign)).toEqual({
      template: 'required',
      title: 'required',
      date: 'required',
    });
  });

  test('The date must be a real day inside the campaign, its first and last days included', () => {
    expect(checkPlannedInput(valid({ date: '2027-06-31' }), campaign)).toEqual({ date: 'invalid' });
    expect(checkPlannedInput(valid({ date: '2027-05-31' }), campaign)).toEqual({ date: 'outside-campaign' });
    expect(checkPlannedInput(valid({ date: '2027-07-01' }), campaign)).toEqual({ date: 'outside-campaign' });
    expect(checkPlannedInput(valid({ date: '2027-06-01' }), campaign)).toEqual({});
    expect(checkPlannedInput(valid({ date: '2027-06-30' }), campaign)).toEqual({});
  });

  test('Texts longer than their limits are refused', () => {
    expect(checkPlannedInput(valid({ owner: 'x'.repeat(120) }), campaign)).toEqual({});
    expect(checkPlannedInput(valid({ owner: 'x'.repeat(121) }), campaign)).toEqual({ owner: 'too-long' });
    expect(checkPlannedInput(valid({ title: 'x'.repeat(161) }), campaign)).toEqual({ title: 'too-long' });
    expect(checkPlannedInput(valid({ target: 'x'.repeat(161) }), campaign)).toEqual({ target: 'too-long' });
  });

  test('A planned activity is saved trimmed, as planned, and valid for storage', () => {
    const id = uuid();
    const planned = toPlannedActivity(
      valid({ title: '  Lễ phát động  ', date: ' 2027-06-02 ', owner: ' Công an phường ', target: ' 300 ' }),
      id,
    );
    expect(planned).toEqual({
      id,
      template: 'launch',
      title: 'Lễ phát động',
      date: '2027-06-02',
      owner: 'Công an phường',
      target: '300',
      status: 'planned',
    });
    expect(plannedActivitySchema.parse(planned)).toEqual(planned);
  });

  test('A planned activity without an owner or a target has neither field', () => {
    const planned = toPlannedActivity(valid({ template: 'banners', owner: '  ', target: '' }), uuid());
    expect(planned).not.toHaveProperty('owner');
    expect(planned).not.toHaveProperty('target');
    expect(plannedActivitySchema.safeParse(planned).success).toBe(true);
  });

  test('The plan is listed by date, then by title in Vietnamese order, without changing the campaign', () => {
    const make = (title: string, date: string): PlannedActivity =>
      plannedActivitySchema.parse({ id: uuid(), template: 'other', title, date, status: 'planned' });
    const planned = [
      make('Treo băng-rôn', '2027-06-05'),
      make('Thi tìm hiểu', '2027-06-20'),
      make('Đi thăm hộ gia đình', '2027-06-05'),
      make('Lễ phát động', '2027-06-02'),
      make('Dọn vệ sinh', '2027-06-05'),
    ];
    const withPlan = makeCampaign({ planned });
    // In Vietnamese order D comes before Đ, which comes before E… T.
    expect(plannedInOrder(withPlan).map((p) => p.title)).toEqual([
      'Lễ phát động',
      'Dọn vệ sinh',
      'Đi thăm hộ gia đình',
      'Treo băng-rôn',
      'Thi tìm hiểu',
    ]);
    expect(withPlan.planned.map((p) => p.title)).toEqual(planned.map((p) => p.title));
  });
});

describe('Templates of the plan', () => {
  const standard = makeCampaign();
  // A unit's own period: 5–30 June 2028, its day on the 26th.
  const own = makeCampaign({
    year: 2028,
    start: '2028-06-05',
    end: '2028-06-30',
    day: '2028-06-26',
    deadline: '2028-07-03',
  });
  const wording: TemplateWording = {
    title: (template) => `name of ${template}`,
    target: (template) => `target of ${template}`,
  };
  const blank: PlannedInput = { template: '', title: '', date: '', owner: '', target: '' };

  test('Every template’s date falls inside the campaign, whatever its year and dates', () => {
    for (const campaign of [standard, own])
      for (const template of campaignTemplates)
        expect(
          inCampaign(templateDate(template, campaign), campaign),
          `${template} in ${campaign.year}`,
        ).toBe(true);
  });

  test('The launch, the banners and the media open the campaign, before its 26 June day', () => {
    for (const template of ['launch', 'banners', 'media'] as const) {
      expect(templateDate(template, standard)).toBe('2027-06-01');
      expect(templateDate(template, own)).toBe('2028-06-05');
      expect(templateDate(template, own) < own.day).toBe(true);
    }
  });

  test('Arts and sports mark the 26 June day itself', () => {
    expect(templateDate('arts-sports', standard)).toBe('2027-06-26');
    expect(templateDate('arts-sports', makeCampaign({ day: '2027-06-24' }))).toBe('2027-06-24');
  });

  test('Sessions, school activities, home visits, the contest and other activities fall halfway to the 26 June day', () => {
    for (const template of [
      'worker-sessions',
      'school-activities',
      'home-visits',
      'quiz-contest',
      'other',
    ] as const) {
      // 1 June + 25 days / 2 → 13 June; 5 June + 21 / 2 → 15 June.
      expect(templateDate(template, standard)).toBe('2027-06-13');
      expect(templateDate(template, own)).toBe('2028-06-15');
    }
  });

  test('Only templates a seed plan gives a target for have one', () => {
    expect([...seededTargets].sort()).toEqual(['home-visits', 'school-activities', 'worker-sessions']);
  });

  test('Every language words each seeded target, short enough for the target field', () => {
    const locales = join(import.meta.dirname, '../../../src/lib/i18n/locales');
    const languages = readdirSync(locales, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(languages.map((l) => l.name)).toEqual(expect.arrayContaining(['en', 'vi']));
    for (const { name } of languages) {
      const messages = JSON.parse(readFileSync(join(locales, name, 'campaigns.json'), 'utf8')) as {
        campaigns: { plan: { defaultTarget: Record<string, string> } };
      };
      const targets = messages.campaigns.plan.defaultTarget;
      expect(Object.keys(targets).sort(), name).toEqual([...seededTargets].sort());
      for (const text of Object.values(targets))
        expect(text.length, `${name}: ${text}`).toBeLessThanOrEqual(campaignLimits.target);
    }
  });

  test('Choosing a template fills its kind, name, date and seeded target', () => {
    expect(withTemplate(blank, 'school-activities', standard, wording)).toEqual({
      template: 'school-activities',
      title: 'name of school-activities',
      date: '2027-06-13',
      owner: '',
      target: 'target of school-activities',
    });
    expect(withTemplate(blank, 'launch', own, wording)).toEqual({
      template: 'launch',
      title: 'name of launch',
      date: '2028-06-05',
      owner: '',
      target: '',
    });
  });

  test('Choosing another template replaces what the first one filled in, its target too', () => {
    const first = withTemplate(blank, 'worker-sessions', standard, wording);
    expect(withTemplate(first, 'arts-sports', standard, wording)).toEqual({
      template: 'arts-sports',
      title: 'name of arts-sports',
      date: '2027-06-26',
      owner: '',
      target: '',
    });
  });

  test('What the user wrote is kept when a template is chosen or changed', () => {
    const typed: PlannedInput = {
      template: '',
      title: 'Treo băng-rôn trên các tuyến phố',
      date: '2027-06-05',
      owner: 'Đoàn phường',
      target: '20 băng-rôn',
    };
    expect(withTemplate(typed, 'home-visits', standard, wording)).toEqual({
      ...typed,
      template: 'home-visits',
    });
    const edited = { ...withTemplate(blank, 'home-visits', standard, wording), date: '2027-06-20' };
    expect(withTemplate(edited, 'banners', standard, wording)).toEqual({
      template: 'banners',
      title: 'name of banners',
      date: '2027-06-20',
      owner: '',
      target: '',
    });
  });

  test('Going back to no template clears what the template filled in and nothing else', () => {
    const chosen = { ...withTemplate(blank, 'school-activities', standard, wording), owner: 'Đoàn trường' };
    expect(withTemplate(chosen, '', standard, wording)).toEqual({ ...blank, owner: 'Đoàn trường' });
  });

  test('A plan made from a template is a valid planned activity', () => {
    for (const template of campaignTemplates) {
      const input = withTemplate(blank, template, standard, wording);
      expect(checkPlannedInput(input, standard), template).toEqual({});
      expect(plannedActivitySchema.safeParse(toPlannedActivity(input, uuid())).success, template).toBe(true);
    }
  });
});

describe('Past themes', () => {
  test('Each past theme has its year, once, and a theme', () => {
    expect(pastThemes.length).toBeGreaterThan(0);
    for (const { year, theme } of pastThemes) {
      expect(Number.isInteger(year)).toBe(true);
      expect(theme.trim()).not.toBe('');
    }
    const years = pastThemes.map((t) => t.year);
    expect(new Set(years).size).toBe(years.length);
  });

  test('No theme is offered for the years whose theme is not a verified fact (2019, 2020, 2026)', () => {
    const years = pastThemes.map((t) => t.year);
    for (const year of [2019, 2020, 2026]) expect(years).not.toContain(year);
  });
});

describe('Logging what happened', () => {
  const campaign = makeCampaign({
    planned: [
      toPlannedActivity(
        { template: 'launch', title: 'Lễ phát động', date: '2027-06-02', owner: '', target: '' },
        uuid(),
      ),
    ],
  });
  const planned = campaign.planned[0]!;
  const today = '2027-06-28';

  test('A log started from the plan carries its kind, title, date and id', () => {
    expect(emptyLogInput(today, planned)).toMatchObject({
      template: 'launch',
      title: 'Lễ phát động',
      date: '2027-06-02',
      plannedId: planned.id,
    });
  });

  test('A log started from an activity planned for later is dated today, as nothing is logged ahead', () => {
    const later = { ...planned, date: '2027-06-29' };
    expect(emptyLogInput(today, later)).toMatchObject({
      template: 'launch',
      date: today,
      plannedId: later.id,
    });
    expect(emptyLogInput(today, { ...planned, date: today }).date).toBe(today);
  });

  test('A log started from nothing is empty and dated today', () => {
    expect(emptyLogInput(today)).toMatchObject({ template: '', title: '', date: today, plannedId: '' });
  });

  test('Dates outside the campaign or still to come, negative or non-whole counts are refused', () => {
    const log = { ...emptyLogInput(today, planned), participants: '320' };
    expect(checkLogInput(log, campaign, today)).toEqual({});
    expect(checkLogInput({ ...log, date: '2027-07-02' }, campaign, today)).toEqual({
      date: 'outside-campaign',
    });
    expect(checkLogInput({ ...log, date: '2027-06-29' }, campaign, today)).toEqual({ date: 'future' });
    expect(checkLogInput({ ...log, leaflets: '-5', banners: '2,5' }, campaign, today)).toEqual({
      leaflets: 'negative',
      banners: 'whole-number',
    });
    expect(checkLogInput({ ...log, template: '', title: ' ' }, campaign, today)).toEqual({
      template: 'required',
      title: 'required',
    });
  });

  test('The ledger record holds only the counts given, and parses', () => {
    const entry = toCampaignActivityEntry(
      { ...emptyLogInput(today, planned), participants: '1.200', banners: '10' },
      campaign,
      { id: uuid(), now: new Date('2027-06-28T03:00:00Z') },
    );
    expect(ledgerEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      campaignId: campaign.id,
      unitId: communeId,
      participants: 1200,
      banners: 10,
    });
    expect(entry).not.toHaveProperty('leaflets');
    expect(entry.plannedId).toBe(planned.id);
  });

  test('Marking a planned activity done changes only it', () => {
    const done = withStatus(campaign, planned.id, 'done', new Date('2027-06-28T03:00:00Z'));
    expect(done.planned[0]?.status).toBe('done');
    expect(campaign.planned[0]?.status).toBe('planned');
  });
});

describe('The campaign form makes a campaign', () => {
  const input: CampaignInput = {
    ...emptyCampaignInput(2027),
    unitName: 'UBND phường Võ Cường',
    unitKind: 'commune',
    theme: ' Chung tay  vì phường không ma túy ',
    recipient: 'Ban Chỉ đạo thành phố',
  };

  test('A new issuing unit is created with the chosen kind; an existing one is reused', () => {
    const made = toCampaign(input, [], { newId: uuid, now: new Date(at) });
    expect(made.created).toHaveLength(1);
    expect(made.created[0]).toMatchObject({ name: 'UBND phường Võ Cường', kind: 'commune' });
    expect(made.campaign.unitId).toBe(made.created[0]?.id);
    expect(made.campaign.theme).toBe('Chung tay vì phường không ma túy');
    expect(campaignSchema.parse(made.campaign)).toEqual(made.campaign);
    const again = toCampaign(input, made.created, { newId: uuid, now: new Date(at) });
    expect(again.created).toEqual([]);
    expect(again.campaign.unitId).toBe(made.created[0]?.id);
  });
});
