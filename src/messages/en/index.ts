/** The English catalogue: every message's sentence, assembled from one file per area. */
import type { Catalogue } from '../message';
import { conflicts } from './conflicts';

export const en = {
  ...conflicts,
} satisfies Catalogue;
