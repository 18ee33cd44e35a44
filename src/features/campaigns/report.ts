/**
 * The draft report "Báo cáo kết quả triển khai Tháng hành động phòng, chống ma túy năm YYYY"
 * as one model, in the user's language, laid out as a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP): the unit and the number, quốc hiệu and tiêu ngữ, place and
 * date, title, body, recipients and signature. The screen prints it; `toDocx` writes the
 * same model as a .docx (the docx library loads only then); the annex tables go to XLSX.
 */
import { campaignTemplates, type Campaign } from '../../lib/domain/campaign.schema';
import { campaignTotals, inCampaign, reportFigures, type CampaignTotals } from '../../lib/domain/campaign';
import { documentDate, documentDateParts } from '../../lib/domain/dates';
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { XlsxSheet, XlsxValue } from '../../lib/export/xlsx';
import { formatDate, formatNumber } from '../../lib/i18n/format';
import { locale } from '../../lib/i18n/locale.svelte';

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

/** The row's number (none on the total), the activity, how many, the people they reached. */
export type SummaryRow = [number | null, string, number, number];

export interface ReportModel {
  issuer: string;
  number: string;
  nation: string;
  motto: string;
  dateLine: string;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  /** The summary table (number, activity, activities, people); absent when nothing was logged. */
  table?: { headers: string[]; rows: SummaryRow[] };
  recipientsHeading: string;
  recipients: string[];
  signature: string;
  signatureHint: string;
  totals: CampaignTotals;
}

const t = (key: string, values?: Record<string, unknown>) => locale.t(`campaigns.doc.${key}`, values);

/** "Võ Cường, ngày 10 tháng 6 năm 2027": the leading zeros of Nghị định 30/2020 (`documentDateParts`). */
function dateLine(place: string | undefined, date: string): string {
  return t('dateLine', { place: place ?? '……', ...documentDateParts(date) });
}

export function reportModel(
  campaign: Campaign,
  unitName: string,
  entries: readonly LedgerEntry[],
  today: string,
): ReportModel {
  const totals = campaignTotals(campaign, entries);
  const n = (value: number) => formatNumber(value, locale.language);
  const narrative = (text: string | undefined) =>
    text?.trim()
      ? text
          .split(/\n+/)
          .map((line) => line.trim())
          .filter(Boolean)
      : [t('toWrite')];
  const results: string[] = [
    t('intro', {
      unit: unitName,
      theme: campaign.theme,
      // The body writes dates as the date line does: "từ ngày 01/6/2027 đến ngày 30/6/2027".
      start: documentDate(campaign.start),
      end: documentDate(campaign.end),
    }),
  ];
  let table: ReportModel['table'];
  if (totals.empty) {
    results.push(t('noData'));
  } else {
    // What was done, and only that: a figure of 0 is left out, not printed ("0 tin, bài").
    const held = totals.campaignActivities + totals.sessions + totals.schoolActivities;
    const activities = n(held);
    results.push(
      totals.participants > 0
        ? t('figures', { count: held, activities, participants: n(totals.participants) })
        : t('figuresNobody', { count: held, activities }),
    );
    const figures = reportFigures(totals);
    if (figures.length === 0) results.push(t('figuresNone'));
    figures.forEach(({ figure, count }, i) =>
      results.push(
        `- ${t(`figure.${figure}`, { count, number: n(count) })}${i === figures.length - 1 ? '.' : ';'}`,
      ),
    );
    results.push(t('detailIntro'));
    const rows: Array<[string, number, number]> = [];
    for (const template of campaignTemplates) {
      const row = totals.byTemplate[template];
      if (row) rows.push([locale.t(`campaigns.template.${template}`), row.activities, row.participants]);
    }
    if (totals.sessions > 0) rows.push([t('rowSessions'), totals.sessions, totals.sessionParticipants]);
    if (totals.schoolActivities > 0) rows.push([t('rowSchools'), totals.schoolActivities, totals.students]);
    const numbered: SummaryRow[] = rows.map((row, i) => [i + 1, ...row]);
    numbered.push([null, t('rowTotal'), held, totals.participants]);
    table = {
      headers: [t('colNumber'), t('colActivity'), t('colCount'), t('colParticipants')],
      rows: numbered,
    };
  }
  return {
    issuer: unitName.toLocaleUpperCase('vi'),
    number: t('number', { number: campaign.documentNumber ?? '……' }),
    nation: t('nation'),
    motto: t('motto'),
    dateLine: dateLine(campaign.place, campaign.narrative.reportDate ?? today),
    title: t('title'),
    subtitle: t('subtitle', { year: campaign.year }),
    sections: [
      { heading: t('results'), paragraphs: results },
      { heading: t('assessment'), paragraphs: narrative(campaign.narrative.assessment) },
      { heading: t('difficulties'), paragraphs: narrative(campaign.narrative.difficulties) },
      { heading: t('proposals'), paragraphs: narrative(campaign.narrative.proposals) },
    ],
    ...(table ? { table } : {}),
    recipientsHeading: t('recipients'),
    recipients: [t('recipientMain', { recipient: campaign.recipient }), t('recipientArchive')],
    signature: t('signature'),
    signatureHint: t('signatureHint'),
    totals,
  };
}

/** A summary row as the document shows it, numbers in the language's format. */
export function summaryCells(row: SummaryRow): string[] {
  const n = (value: number) => formatNumber(value, locale.language);
  return [row[0] === null ? '' : String(row[0]), row[1], n(row[2]), n(row[3])];
}

/** The annex: every record the report counts, one row each, numbers as numbers. */
export function annexSheets(
  campaign: Campaign,
  entries: readonly LedgerEntry[],
  model: ReportModel,
): XlsxSheet[] {
  const a = (key: string) => locale.t(`campaigns.annex.${key}`);
  const counted = entries
    .filter(
      (e) => inCampaign(e.date, campaign) && (e.kind !== 'campaign-activity' || e.campaignId === campaign.id),
    )
    .sort((x, y) => x.date.localeCompare(y.date));
  const rows: XlsxValue[][] = [
    [
      a('date'),
      a('kind'),
      a('title'),
      a('participants'),
      a('banners'),
      a('leaflets'),
      a('articles'),
      a('sessions'),
    ],
    ...counted.map((e): XlsxValue[] => {
      const when = formatDate(e.date, locale.language);
      if (e.kind === 'campaign-activity')
        return [
          when,
          locale.t(`campaigns.template.${e.activity}`),
          e.title,
          e.participants,
          e.banners ?? null,
          e.leaflets ?? null,
          e.articles ?? null,
          e.sessions ?? null,
        ];
      if (e.kind === 'session')
        return [when, a('session'), a('sessionTitle'), e.participants, null, e.leaflets ?? null, null, 1];
      return [when, a('school'), a('schoolTitle'), e.participants, null, null, null, null];
    }),
  ];
  const summary: XlsxValue[][] = model.table ? [model.table.headers, ...model.table.rows] : [[a('noData')]];
  return [
    { name: a('summarySheet'), rows: summary, widths: [6, 40, 14, 16] },
    { name: a('detailSheet'), rows, widths: [12, 28, 40, 12, 10, 10, 10, 10] },
  ];
}

/** The report as a .docx: A4, Times New Roman 13 pt, the margins of Nghị định 30/2020. */
export async function toDocx(model: ReportModel): Promise<Blob> {
  const docx = await import('docx');
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Packer,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = {
    top: none,
    bottom: none,
    left: none,
    right: none,
    insideHorizontal: none,
    insideVertical: none,
  };
  const centred = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...options })] });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [centred(model.issuer, { bold: true }), centred(model.number)],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [centred(model.nation, { bold: true }), centred(model.motto, { bold: true })],
          }),
        ],
      }),
    ],
  });
  const body: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = [
    header,
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 200 },
      children: [new TextRun({ text: model.dateLine, italics: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [new TextRun({ text: model.title, bold: true, size: 28 })],
    }),
    centred(model.subtitle, { bold: true }),
  ];
  model.sections.forEach((section, index) => {
    body.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [new TextRun({ text: section.heading, bold: true })],
      }),
    );
    for (const text of section.paragraphs)
      body.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 567 },
          children: [new TextRun(text)],
        }),
      );
    if (index === 0 && model.table) {
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [model.table.headers, ...model.table.rows.map(summaryCells)].map(
            (row, r) =>
              new TableRow({
                children: row.map(
                  (cell) =>
                    new TableCell({
                      children: [
                        new Paragraph({
                          children: [
                            new TextRun({ text: cell, bold: r === 0 || r === model.table!.rows.length }),
                          ],
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      );
    }
  });
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              children: [
                new Paragraph({
                  spacing: { before: 240 },
                  children: [
                    new TextRun({ text: model.recipientsHeading, bold: true, italics: true, size: 24 }),
                  ],
                }),
                ...model.recipients.map(
                  (r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: 22 })] }),
                ),
              ],
            }),
            new TableCell({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  spacing: { before: 240 },
                  children: [new TextRun({ text: model.signature, bold: true })],
                }),
                centred(model.signatureHint, { italics: true }),
              ],
            }),
          ],
        }),
      ],
    }),
  );
  const document = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBlob(document);
}
