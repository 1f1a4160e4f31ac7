/**
 * The outcome report as a Word document, for the minister's briefing to the
 * cabinet: A4 landscape (its tables are wide), a title block (the report, the
 * forum, its dates and city, when it was made), then each of the report's
 * tables under its heading with its note, or the sentence that it is empty.
 * The tables are the page's (tables.ts), so the document says what the page
 * says. Builds the document only; the service packs it.
 */
import type * as Docx from 'docx';
import type { DocxModule } from '../programme';
import type { Locale } from '../../messages/catalogue';
import type { OutcomeCell, OutcomeColumn, OutcomeTable } from './tables';

/** The language Word checks the spelling in, per reader's language. */
const WORD_LANGUAGE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', az: 'az-Latn-AZ' };
const FONT = 'Times New Roman';
const GREY = '595959';
const LINE = 'A6A6A6';
/** A4 landscape in twentieths of a point, 1.5 cm margins. */
const PAGE = { width: 16838, height: 11906, margin: 850 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

interface OutcomeDocument {
  locale: Locale;
  title: string;
  forumName: string;
  /** '6–8 June 2019 · St. Petersburg'. */
  forumLine: string;
  /** 'Made Thursday, 4 December 2026, 21:50 Moscow'. */
  madeLine: string;
  /** Shown under the title when nothing is held yet; '' otherwise. */
  emptyLine: string;
  tables: OutcomeTable[];
  /** How a date cell reads ('7 June 2019'). */
  dateText: (date: string) => string;
}

export function outcomeDocument(d: DocxModule, doc: OutcomeDocument): Docx.Document {
  const { AlignmentType, BorderStyle, Footer, HeadingLevel, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = d;
  const borders = {
    top: { style: BorderStyle.SINGLE, size: 4, color: LINE },
    bottom: { style: BorderStyle.SINGLE, size: 4, color: LINE },
    left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  };
  const margins = { top: 60, bottom: 60, left: 80, right: 80 };

  const text = (c: OutcomeColumn, v: OutcomeCell): string => (v === null ? '' : typeof v === 'number' ? String(v) : c.type === 'date' ? doc.dateText(v) : v);
  /** Widths in proportion to what each column holds: a number narrow, a title or outcome wide. */
  const weight = (c: OutcomeColumn) => (c.type === 'number' ? 1 : c.type === 'date' ? 1.4 : ['meeting', 'document', 'outcome', 'agreed', 'discussed', 'measure'].includes(c.key) ? 4 : 2);

  function table(t: OutcomeTable): Docx.Table {
    const total = t.columns.reduce((n, c) => n + weight(c), 0);
    const widths = t.columns.map((c) => Math.floor((TEXT_WIDTH * weight(c)) / total));
    const cell = (i: number, children: Docx.Paragraph[]) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders, margins, children });
    const head = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(i, [new Paragraph({ children: [new TextRun({ text: c.header, bold: true, size: 18, color: GREY })] })])) });
    const rows = t.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: t.columns.map((c, i) =>
            cell(i, [new Paragraph({ alignment: c.type === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: text(c, r[c.key] ?? null), size: 19 })] })]),
          ),
        }),
    );
    return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [head, ...rows] });
  }

  const body: (Docx.Paragraph | Docx.Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 120 }, children: [new TextRun({ text: doc.title, size: 36, bold: true, font: FONT, color: '000000' })] }),
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: doc.forumName, bold: true, size: 24 })] }),
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: doc.forumLine, size: 22 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: doc.madeLine, size: 18, color: GREY })] }),
  ];
  if (doc.emptyLine) body.push(new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: doc.emptyLine, italics: true })] }));
  for (const t of doc.tables) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: t.title })] }));
    if (t.note) body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: t.note, size: 19, color: GREY })] }));
    if (t.rows.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: t.empty, italics: true })] }));
    else body.push(table(t), new Paragraph({ children: [] }));
  }

  return new d.Document({
    title: `${doc.title}: ${doc.forumName}`,
    subject: doc.forumName,
    creator: 'Forum Planner',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: WORD_LANGUAGE[doc.locale] } }, paragraph: { spacing: { after: 60 } } },
        heading1: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        // The size is given as portrait; the orientation turns it.
        properties: { page: { size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${doc.title} · ${doc.forumName} · `, size: 16, color: GREY }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: GREY })] })],
          }),
        },
        children: body,
      },
    ],
  });
}
