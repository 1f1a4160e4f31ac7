/**
 * No English sentence is assembled in src/domain or src/services: they return
 * message keys and parameters, and src/messages/catalogues/<locale>/ (one folder per language)
 * renders them at the edge. The allow-lists below name, file by file, what
 * stays in English on purpose (invariant checks, stored records), so the check
 * is honest about what remains; a new sentence fails until it goes to the
 * catalogue instead.
 * The heuristic sees sentences, not fragments: lower-case pieces such as
 * 'participant #3' or a grid cell's 'with …' are not counted.
 * (Texts read a template's `${…}` as '{}'; see scripts/sentence-literals.ts.)
 */
import path from 'node:path';
import { isSentence, sentenceLiterals } from '../../scripts/sentence-literals';

/**
 * Sentences for developers and operators, never shown to a user as something
 * to act on: invariant checks of the domain (a RangeError from a caller's bug)
 * and an error the services catch themselves. They stay in English.
 */
const INTERNAL: Record<string, string[]> = {
  'src/domain/calendar/index.ts': [
    "Calendar entry \"{}\" ({}) {}.",
    "Calendar entry UID \"{}\" appears twice; UIDs must be unique in a feed.",
    "refreshMinutes must be a whole number of minutes >= 1, got {}.",
  ],
  'src/domain/conflicts/programme-index.ts': [
    "The forum's time zone '{}' is not a time zone we know.",
  ],
  'src/domain/time.ts': [
    "'{}' is not a valid date and time.",
    "'{}' is not a date of the form 2019-06-07.",
    "'{}' is not a date of the form 2019-06-07.",
    "'{}' is not a time zone we know.",
  ],
  'src/domain/calendar/vtimezone.ts': [
    "Unknown time zone \"{}\": use an IANA name such as Europe/Moscow.",
    "A VTIMEZONE needs whole years with fromYear <= toYear, got {}..{}.",
  ],
  'src/services/accounts/hash-queue.ts': [
    "Too many sign-ins are being checked at this moment.",
  ],
};

/**
 * Records written into the database in the words of the time they were made:
 * the notes a B2B meeting is created with (a planner may edit them
 * afterwards). Audit summaries are kept as message keys and parameters
 * (src/messages/audit.ts), so the log reads in the reader's language.
 */
const STORED: Record<string, string[]> = {
  'src/services/b2b/meetings.ts': [
    "Asked by {}{}",
    "Scheduled by the B2B session: its next run replaces the time, table and people set here.",
  ],
};

/**
 * Names that are no words for a reader: a font, and the application that
 * wrote a file (the .docx's author property).
 */
const NAMES: Record<string, string[]> = {
  'src/domain/programme/docx.ts': ['Times New Roman', 'Forum Planner'],
  'src/domain/outcome/docx.ts': ['Times New Roman', 'Forum Planner'],
};

const ALLOWED: Record<string, string[]> = {};
for (const list of [INTERNAL, STORED, NAMES]) for (const [file, texts] of Object.entries(list)) (ALLOWED[file] ??= []).push(...texts);

describe('sentences in src/domain and src/services', () => {
  const found = sentenceLiterals(path.resolve(__dirname, '../..'));

  it('are only those on the allow-list', () => {
    const unexpected = found.filter((f) => !(ALLOWED[f.file] ?? []).includes(f.text)).map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(unexpected).toEqual([]);
  });

  it('lists nothing that has already moved, so the list only shrinks', () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, texts]) =>
      texts.filter((text) => !found.some((f) => f.file === file && f.text === text)).map((text) => `${file}: ${text}`),
    );
    expect(stale).toEqual([]);
  });

  it.each([
    { name: 'a sentence with a period', text: 'The end must be after the start.', sentence: true },
    { name: 'a capitalised label', text: 'Bilateral meeting', sentence: true },
    { name: 'a template sentence', text: '{} is booked in {} at the same time.', sentence: true },
    { name: 'a message key', text: 'conflict.person-double-booked', sentence: false },
    { name: 'one word', text: 'Reception', sentence: false },
    { name: 'SQL', text: 'SELECT id FROM meetings WHERE forum_id = ?', sentence: false },
    { name: 'lower-case words without a period', text: 'participant {}', sentence: false },
  ])('tells $name', ({ text, sentence }) => {
    expect(isSentence(text)).toBe(sentence);
  });
});
