/**
 * No English sentence is assembled in src/domain or src/services: they return
 * message keys and parameters, and src/messages/<language>.ts renders them at
 * the edge. The allow-list is what has not moved yet, file by file, so the
 * check is honest about what remains; moving a sentence means deleting its
 * line here, and a new sentence fails until it goes to the catalogue instead.
 * (Texts read a template's `${…}` as '{}'; see scripts/sentence-literals.ts.)
 */
import path from 'node:path';
import { isSentence, sentenceLiterals } from '../../scripts/sentence-literals';

const NOT_MOVED_YET: Record<string, string[]> = {
  'src/domain/calendar.ts': [
    "Calendar entry \"{}\" ({}) {}.",
    "Calendar entry UID \"{}\" appears twice; UIDs must be unique in a feed.",
    "refreshMinutes must be a whole number of minutes >= 1, got {}.",
  ],
  'src/domain/conflict-index.ts': [
    "The forum's time zone '{}' is not a time zone we know.",
  ],
  'src/domain/time.ts': [
    "'{}' is not a valid date and time.",
    "'{}' is not a date of the form 2019-06-07.",
    "'{}' is not a date of the form 2019-06-07.",
    "'{}' is not a time zone we know.",
  ],
  'src/domain/vtimezone.ts': [
    "Unknown time zone \"{}\": use an IANA name such as Europe/Moscow.",
    "A VTIMEZONE needs whole years with fromYear <= toYear, got {}..{}.",
  ],
  'src/services/agendas.ts': [
    "Agenda of {} {} marked printed",
  ],
  'src/services/b2b-context.ts': [
    "There is no B2B session {}.",
    "There is no forum with id {}.",
    "There is no B2B participant {}.",
    "There is no B2B meeting request {}.",
  ],
  'src/services/b2b-input.ts': [
    "Give each {} a start time as HH:MM.",
    "Write the start of each {} as HH:MM, e.g. 12:10.",
    "Give each {} an end time as HH:MM.",
    "Write the end of each {} as HH:MM, e.g. 12:30.",
    "List each {} as {start, end, label}.",
    "“{}” is not a {}: write one per line as 12:10–12:30, then what it is.",
    "The {} is longer than 100 characters.",
    "List the {}s by id.",
    "Choose at least one representative: the person who sits at the table.",
    "Choose one of the two sides.",
  ],
  'src/services/b2b-meetings.ts': [
    "Asked by {}{}",
    "Scheduled by the B2B session: its next run replaces the time, table and people set here.",
  ],
  'src/services/b2b-participants.ts': [
    "Choose an existing organization, or create it first under Organizations.",
    "{} already takes part in this session.",
    "Choose representatives from the list of people, or add the person first under People.",
    "{} is chosen twice; keep one.",
    "{} already represents {} in this session; a person sits at one company’s table.",
    "Choose the side: {} or {}.",
    "Unavailable time",
  ],
  'src/services/b2b-requests.ts': [
    "Choose a company of this session as the one that asks.",
    "Choose a company of this session to meet.",
    "{} cannot ask to meet itself; choose another company.",
    "{} is on the same side ({}) as {}; this session pairs {} with {}. Choose one of {}.",
    "{} and {} already have a request ({}, sent by {}). One request per pair: answer or cancel that one.",
    "Choose accept, decline, cancel or reopen.",
    "The request from {} to {} is {}; it cannot be {} now.",
    "Your company has no such request.",
    "Only the protocol office can reopen a request; ask them.",
    "Only the company that was asked can accept or decline; you can cancel your request instead.",
    "You can decline this request; cancelling is for the company that sent it.",
  ],
  'src/services/b2b-scheduling.ts': [
    "Only an accepted request can be pinned; this one is {}.",
    "Choose one of the session’s {} slots.",
    "Choose a table from 1 to {}.",
    "Pinned to slot {}, table {}",
    "Pin removed",
  ],
  'src/services/b2b-sessions.ts': [
    "Choose a day of {} ({} to {}).",
    "A B2B session runs within one day: end it on the day it starts, and make another session for the next day.",
    "The session must end after it starts.",
    "Choose a room of this forum’s venues as the hall.",
    "Name both sides (e.g. “Azerbaijani companies” and “Russian companies”), or neither when anyone may meet anyone.",
    "No {}-minute slot fits between {} and {} around the breaks: shorten the slots or the breaks, or lengthen the session.",
  ],
  'src/services/day-grids.ts': [
    "Other places",
  ],
  'src/services/feeds.ts': [
    "Name the forum (forumId): a link for a person or an organization belongs to one forum, and there are several.",
    "There is no such forum.",
    "Choose an existing {} of this forum.",
    "Choose an expiry date in the future, or none.",
    "There is no link {}.",
    "The {} this link opened (id {}) no longer exists.",
    "Deleted {} (id {})",
    "{}: the programme of {}. Times in {}.",
    "There is no such forum.",
    "{}: public programme. Times in {}.",
    "Protocol office",
  ],
  'src/services/forum-directory.ts': [
    "Travel times between venues",
    "Members of {}",
  ],
  'src/services/hash-queue.ts': [
    "Too many sign-ins are being checked at this moment.",
  ],
};

describe('sentences in src/domain and src/services', () => {
  const found = sentenceLiterals(path.resolve(__dirname, '../..'));

  it('are only those on the allow-list', () => {
    const unexpected = found.filter((f) => !(NOT_MOVED_YET[f.file] ?? []).includes(f.text)).map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(unexpected).toEqual([]);
  });

  it('lists nothing that has already moved, so the list only shrinks', () => {
    const stale = Object.entries(NOT_MOVED_YET).flatMap(([file, texts]) =>
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
