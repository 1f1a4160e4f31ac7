/** The English catalogue: every message's sentence, assembled from one file per area. */
import type { Catalogue } from '../message';
import { b2b } from './b2b';
import { b2bServices } from './b2b-services';
import { board } from './board';
import { conflicts } from './conflicts';
import { dates } from './dates';
import { feeds } from './feeds';
import { edits } from './edits';
import { finder } from './finder';
import { grids } from './grids';
import { errors, fields } from './fields';
import { calendar, labels } from './labels';
import { names } from './names';
import { records } from './records';
import { time } from './time';

export const en = {
  ...conflicts,
  ...fields,
  ...errors,
  ...b2b,
  ...b2bServices,
  ...labels,
  ...calendar,
  ...time,
  ...records,
  ...feeds,
  ...dates,
  ...grids,
  ...edits,
  ...finder,
  ...board,
  ...names,
} satisfies Catalogue;
