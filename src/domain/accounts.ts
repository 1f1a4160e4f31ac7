/**
 * Who may sign in, and as what. The role names are the rows of the policy
 * table (src/web/middleware/policy.ts) and the SQL CHECK on app_user.role.
 */
import type { Locale } from '../messages/catalogue';
import type { Id, Instant } from './types';

export const ROLES = ['admin', 'planner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: Id;
  username: string;
  passwordHash: string;
  role: Role;
  personId: Id | null;
  disabled: boolean;
  /** The language the user reads the app in; null: as their browser asks. */
  locale: Locale | null;
  version: number;
}

/** A token for scripts (Authorization: Bearer); only its hash is kept. */
export interface ApiToken {
  id: Id;
  userId: Id;
  label: string;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}
