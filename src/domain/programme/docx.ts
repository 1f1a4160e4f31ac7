/**
 * The programme of stay laid out as a Word document, the way protocol offices
 * exchange it: a title page (the delegation or person, "Programme of stay",
 * the forum, its dates and city), then a heading per day and a two-column
 * table of time and event (title, kind, place, participants), then the
 * protocol contacts. Builds the document only; packing it into bytes is the
 * service's (it stamps the file's creation time).
 */
import type * as Docx from 'docx';
import type { ISectionOptions } from 'docx';
import type { Locale } from '../../messages/catalogue';
import type { ProgrammeDay, ProgrammeItem, ProgrammeOfStay } from './model';

/** The language Word checks the spelling in, per reader's language. */
const WORD_LANGUAGE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', az: 'az-Latn-AZ' };

/** Twentieths of a point: A4 with 2 cm margins leaves 17 cm, of which the time takes 3.5. */
const TIME_WIDTH = 1985;
const EVENT_WIDTH = 7653;
const GREY = '595959';
/** The face protocol letters are typed in; LibreOffice shows it as its metric twin, Liberation Serif. */
const FONT = 'Times New Roman';
const LINE = 'A6A6A6';

/** The docx package as the caller loaded it (the service loads it on the first download, not at every start). */
export type DocxModule = typeof Docx;

export function programmeDocument(d: DocxModule, p: ProgrammeOfStay): Docx.Document {
  const { AlignmentType, BorderStyle, Footer, HeadingLevel, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = d;
  function document(p: ProgrammeOfStay): Docx.Document {
    const page = { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } };
    const titleSection: ISectionOptions = { properties: page, children: titlePage(p) };
    const body: ISectionOptions = {
      properties: page,
      footers: { default: new Footer({ children: [footerLine(p)] }) },
      children: [...p.days.flatMap((d, i) => dayBlock(p, d, i === 0)), ...contactsBlock(p)],
    };
    return new d.Document({
      title: `${p.heading}: ${p.scopeTitle}`,
      subject: p.forumName,
      creator: 'Forum Planner',
      styles: {
        default: {
          document: { run: { font: FONT, size: 22, language: { value: WORD_LANGUAGE[p.locale] } }, paragraph: { spacing: { after: 60 } } },
          heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        },
      },
      sections: [titleSection, body],
    });
  }

  function centered(text: string, run: { size?: number; bold?: boolean; allCaps?: boolean; color?: string } = {}, after = 120): Docx.Paragraph {
    return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [new TextRun({ text, ...run })] });
  }

  function titlePage(p: ProgrammeOfStay): Docx.Paragraph[] {
    const lines: Docx.Paragraph[] = [new Paragraph({ spacing: { before: 2400 }, children: [] })];
    lines.push(centered(p.forumName, { size: 24, color: GREY }, 720));
    lines.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: [new TextRun({ text: p.heading, size: 44, bold: true, allCaps: true, font: FONT, color: '000000' })] }));
    lines.push(centered(p.scopeTitle, { size: 32, bold: true }, 120));
    if (p.scopeSubtitle) lines.push(centered(p.scopeSubtitle, { size: 24 }, 120));
    lines.push(new Paragraph({ spacing: { after: 720 }, children: [] }));
    lines.push(centered(p.forumDates, { size: 26 }));
    if (p.place) lines.push(centered(p.place, { size: 26 }));
    if (p.dayLine) lines.push(centered(p.dayLine, { size: 26, bold: true }));
    lines.push(centered(p.timesLine, { size: 20, color: GREY }, 0));
    return lines;
  }

  function footerLine(p: ProgrammeOfStay): Docx.Paragraph {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${p.scopeTitle} · ${p.footer} · `, size: 16, color: GREY }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: GREY })],
    });
  }

  function dayBlock(p: ProgrammeOfStay, day: ProgrammeDay, first: boolean): (Docx.Paragraph | Docx.Table)[] {
    const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: !first, children: [new TextRun({ text: day.heading })] });
    if (day.empty !== null) return [heading, new Paragraph({ children: [new TextRun({ text: day.empty, italics: true })] })];
    return [heading, itemsTable(p, day.items), new Paragraph({ children: [] })];
  }

  const cellBorders = {
    top: { style: BorderStyle.SINGLE, size: 4, color: LINE },
    bottom: { style: BorderStyle.SINGLE, size: 4, color: LINE },
    left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  };
  const cellMargins = { top: 80, bottom: 80, left: 100, right: 100 };

  function cell(width: number, children: Docx.Paragraph[]): Docx.TableCell {
    return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: cellBorders, margins: cellMargins, children });
  }

  function itemsTable(p: ProgrammeOfStay, items: ProgrammeItem[]): Docx.Table {
    const head = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        cell(TIME_WIDTH, [new Paragraph({ children: [new TextRun({ text: p.labels.time, bold: true, size: 20, color: GREY })] })]),
        cell(EVENT_WIDTH, [new Paragraph({ children: [new TextRun({ text: p.labels.event, bold: true, size: 20, color: GREY })] })]),
      ],
    });
    return new Table({
      width: { size: TIME_WIDTH + EVENT_WIDTH, type: WidthType.DXA },
      columnWidths: [TIME_WIDTH, EVENT_WIDTH],
      rows: [head, ...items.map(itemRow)],
    });
  }

  function itemRow(item: ProgrammeItem): Docx.TableRow {
    const strike = item.isCancelled;
    const time = [new Paragraph({ children: [new TextRun({ text: item.time, bold: true, strike })] }), ...item.otherTimes.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 18, color: GREY, strike })] }))];
    const titleRuns: Docx.TextRun[] = item.marks.map((mark) => new TextRun({ text: `${mark} `, bold: true, size: 18 }));
    titleRuns.push(new TextRun({ text: item.title, bold: true, strike }));
    const event: Docx.Paragraph[] = [new Paragraph({ children: titleRuns }), new Paragraph({ children: [new TextRun({ text: item.kind, italics: true, size: 20, color: GREY })] })];
    if (item.place) event.push(new Paragraph({ children: [new TextRun({ text: item.place })] }));
    for (const line of item.participants) event.push(new Paragraph({ children: [new TextRun({ text: `${line.label}: `, bold: true, size: 20 }), new TextRun({ text: line.text, size: 20 })] }));
    return new TableRow({ cantSplit: true, children: [cell(TIME_WIDTH, time), cell(EVENT_WIDTH, event)] });
  }

  function contactsBlock(p: ProgrammeOfStay): Docx.Paragraph[] {
    const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: p.labels.contacts })] });
    if (p.contacts.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: p.noContacts, italics: true })] })];
    return [
      heading,
      ...p.contacts.flatMap((c) => {
        const lines = [new Paragraph({ keepNext: true, spacing: { before: 120, after: 0 }, children: [new TextRun({ text: c.name, bold: true }), ...(c.role ? [new TextRun({ text: `, ${c.role}` })] : [])] })];
        if (c.phone) lines.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: `${p.labels.phone}: ${c.phone}` })] }));
        if (c.email) lines.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: `${p.labels.email}: ${c.email}` })] }));
        return lines;
      }),
    ];
  }
  return document(p);
}
