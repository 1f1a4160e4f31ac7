/** What secret links and calendar feeds say in English. */
import type { FeedMessages } from '../feeds';
import { message, type Catalogue } from '../message';

export const feeds = {
  'feed.forum-needed': () => 'Name the forum (forumId): a link for a person or an organization belongs to one forum, and there are several.',
  'feed.scope-missing': ({ scope }, say) => `Choose an existing ${say(message('label.scope-kind', { kind: scope }))} of this forum.`,
  'feed.expiry-past': () => 'Choose an expiry date in the future, or none.',
  'feed.link-not-found': ({ id }) => `There is no link ${id}.`,
  'feed.scope-gone': ({ scope, id }, say) => `The ${say(message('label.scope-kind', { kind: scope }))} this link opened (id ${id}) no longer exists.`,
  'feed.scope-deleted': ({ scope, id }, say) => `Deleted ${say(message('label.scope-kind', { kind: scope }))} (id ${id})`,
  'feed.name': ({ forum, scope }) => `${forum} · ${scope}`,
  'feed.public-name': ({ forum }, say) => `${forum} · ${say(message('label.scope-kind', { kind: 'public' }))}`,
  'feed.description': ({ forum, scope, zone }) => `${forum}: the programme of ${scope}. Times in ${zone}.`,
  'feed.public-description': ({ forum, zone }, say) => `${forum}: ${say(message('label.scope-kind', { kind: 'public' }))}. Times in ${zone}.`,
  'feed.protocol-officer': ({ name }) => `${name} (protocol)`,
  'feed.protocol-office': () => 'Protocol office',
} satisfies Pick<Catalogue, keyof FeedMessages>;
