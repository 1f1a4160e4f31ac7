import type { Role } from '../domain/accounts';

/** Who is doing something: stamped on every audit row. */
export interface Actor {
  userId: number | null;
  username: string;
  role: Role;
  personId?: number | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'admin' };
