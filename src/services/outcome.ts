import type { DocxModule } from '../domain/programme';
import { NotFoundError } from '../domain/errors';
import { forumCity, outcomeDocument, outcomeReport, outcomeTables, pressRelease, type OutcomeReport, type OutcomeTable, type PressRelease } from '../domain/outcome';
import { zoneCity } from '../domain/time';
import { message } from '../messages';
import { translate, type Locale } from '../messages/catalogue';
import { formatDate, formatDateRange, formatInstantLong } from '../messages/locale-formats';
import { cityIn } from '../messages/params';
import type { Store } from '../store';
import type { DerivedCache } from './derived-cache';
import { toXlsxBook, type Sheet } from './exports';

/** The docx package, loaded on the first download (as the programme of stay loads it). */
let docxModule: Promise<DocxModule> | undefined;
const loadDocx = () => (docxModule ??= import('docx').then((m) => ((m as { default?: DocxModule }).default ?? m) as DocxModule));

export interface OutcomeFile {
  body: Buffer;
  /** 'Outcome report - SPIEF 2019.xlsx', in the reader's language. */
  filename: string;
}

/**
 * The outcome report and the draft press release of a forum (issue 17). The
 * report is read in a fixed number of queries (the programme, the register's
 * agreements, then the names they mention) and kept in the derived-view cache
 * under the programme's version: every meeting, agreement, person or B2B
 * write appends its audit row, so a kept report never outlives a change.
 */
export class OutcomeService {
  constructor(
    private readonly store: Store,
    private readonly derived: DerivedCache,
    private readonly clock: () => number,
  ) {}

  report(forumId: number): OutcomeReport {
    return this.derived.get(
      `outcome:${forumId}`,
      () => {
        const programme = this.store.outcome.programmeOf(forumId);
        if (!programme) throw new NotFoundError(message('forum.not-found', {}));
        const agreements = this.store.agreements.ofForum(forumId);
        const names = this.store.outcome.namesOf({ ...programme, agreements });
        return outcomeReport({ ...programme, agreements, ...names });
      },
      // A rough size: the report holds each meeting and agreement once, with its names.
      (r) => 4096 + 1500 * (r.held.length + r.notMarkedHeld.length + r.notConfirmed.length + r.cancelled.length) + 1000 * (r.agreements.signed.length + r.agreements.pending.length + r.agreements.withdrawn.length),
    );
  }

  release(forumId: number, locale: Locale): PressRelease {
    return pressRelease(this.report(forumId), locale);
  }

  tables(forumId: number, locale: Locale): OutcomeTable[] {
    return outcomeTables(this.report(forumId), locale);
  }

  /** 'Made Thursday, 4 December 2026, 21:50 Moscow': when, on the forum's clock. */
  madeLine(forumId: number, locale: Locale): string {
    const zone = this.report(forumId).forum.timeZone;
    return translate(locale, 'ui.outcome.made', { when: `${formatInstantLong(locale, this.clock(), zone)} ${cityIn(locale, zoneCity(zone))}` });
  }

  /** The report's tables as a workbook, one sheet per table, in the reader's language. */
  async xlsx(forumId: number, locale: Locale): Promise<OutcomeFile> {
    const sheets: Sheet[] = this.tables(forumId, locale).map((t) => ({ name: t.title, columns: t.columns.map((c) => ({ key: c.key, header: c.header, type: c.type })), rows: t.rows }));
    return { body: await toXlsxBook(sheets), filename: `${this.fileStem(forumId, locale)}.xlsx` };
  }

  /** The report as a Word document (A4 landscape), in the reader's language. */
  async docx(forumId: number, locale: Locale): Promise<OutcomeFile> {
    const report = this.report(forumId);
    const f = report.forum;
    const docx = await loadDocx();
    const doc = outcomeDocument(docx, {
      locale,
      title: translate(locale, 'ui.outcome.title'),
      forumName: f.name,
      forumLine: `${formatDateRange(locale, f.startDate, f.endDate)} · ${forumCity(f.city, locale)}`,
      madeLine: this.madeLine(forumId, locale),
      emptyLine: report.empty ? translate(locale, 'ui.outcome.empty') : '',
      tables: outcomeTables(report, locale),
      dateText: (date) => formatDate(locale, date, 'dayMonthYear'),
    });
    return { body: await docx.Packer.toBuffer(doc), filename: `${this.fileStem(forumId, locale)}.docx` };
  }

  private fileStem(forumId: number, locale: Locale): string {
    const f = this.report(forumId).forum;
    return `${translate(locale, 'ui.outcome.title')} - ${f.shortName || f.name}`;
  }
}
