import type { Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../messages/catalogue';
import { formAnswerOf, type FormProblems } from './error-responses';

export type { FormProblems };

/** The language this response is rendered in (set by chooseLocale for every request). */
function localeOf(res: Response): Locale {
  const chosen = res.locals?.locale;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

/**
 * Runs a form submission. Errors a user can fix re-render the form with what
 * they typed, at the status error-responses.ts gives and in the reader's
 * language; anything else goes to the error handler.
 */
export async function submitForm(
  res: Response,
  action: () => void | Promise<void>,
  rerender: (status: number, problems: FormProblems) => void,
): Promise<void> {
  try {
    await action();
  } catch (err) {
    const answer = formAnswerOf(err, localeOf(res));
    if (!answer) throw err;
    return rerender(answer.status, answer.problems);
  }
}

/** What a notice's "Undo" button posts: the audit rows of one save or bulk edit, and where to come back to. */
export interface UndoOffer {
  action: string;
  from: number;
  to: number;
  back: string;
}

export function flash(req: Request, kind: 'success' | 'warning' | 'error', text: string, undo?: UndoOffer): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), undo ? { kind, text, undo } : { kind, text }];
}

/** The id in a route parameter, or NaN (which finds nothing). */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name];
  return typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A string query parameter (first value if repeated). */
export function queryString(req: Request, name: string): string {
  const v = req.query[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

export function actorOf(res: Response) {
  const u = res.locals.user;
  return { userId: u.id as number, username: u.username as string, role: u.role, personId: u.personId ?? null };
}
