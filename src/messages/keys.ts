/**
 * Every message the application can show, by key, with the parameters its
 * sentence needs. Each area declares its own keys beside this file; each
 * language gives the sentences in catalogues/<locale>/domain-<area>.json
 * (npm run check:i18n and tests/unit/message-catalogues.test.ts keep them complete).
 */
import type { AgreementMessages } from './agreements';
import type { AuditMessages } from './audit';
import type { B2BMessages } from './b2b';
import type { BoardMessages } from './board';
import type { B2BServiceMessages } from './b2b-services';
import type { ConflictMessages } from './conflicts';
import type { DateMessages } from './dates';
import type { FeedMessages } from './feeds';
import type { EditMessages } from './edits';
import type { FinderMessages } from './finder';
import type { ForumProgrammeMessages } from './forum-programme';
import type { GridMessages } from './grids';
import type { ImportMessages } from './imports';
import type { ErrorMessages, FieldMessages } from './fields';
import type { CalendarMessages, LabelMessages } from './labels';
import type { NameMessages } from './names';
import type { OutcomeMessages } from './outcome';
import type { RecordMessages } from './records';
import type { TimeMessages } from './time';

export interface Messages extends ConflictMessages, B2BMessages, FieldMessages, ErrorMessages, LabelMessages, CalendarMessages, TimeMessages, RecordMessages, B2BServiceMessages, FeedMessages, DateMessages, GridMessages, FinderMessages, EditMessages, BoardMessages, AuditMessages, NameMessages, ImportMessages, ForumProgrammeMessages, AgreementMessages, OutcomeMessages {}

export type MessageKey = keyof Messages;
