import type { Request, Response } from 'express';
import { ConflictRefusal, InUseError, StaleVersionError, ValidationError } from '../domain/errors';

/** What a form page needs to show a failed submission again, input kept. */
export interface FormProblems {
  errors: Record<string, string>;
  conflicts?: unknown[];
  /** The record as stored now, when the user's version was stale. */
  stale?: unknown;
  formError?: string;
  /** Choices a field can offer, e.g. the two offsets of an ambiguous time. */
  details?: Record<string, unknown>;
}

/**
 * Runs a form submission. Errors a user can fix re-render the form (status
 * 422 / 409 / 412) with what they typed; anything else goes to the error handler.
 */
export async function submitForm(
  _res: Response,
  action: () => void | Promise<void>,
  rerender: (status: number, problems: FormProblems) => void,
): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (err instanceof ValidationError) {
      const { _form, ...errors } = err.fields;
      return rerender(422, { errors, details: err.details, formError: _form ?? 'Some fields need attention: see the messages beside them.' });
    }
    if (err instanceof ConflictRefusal) return rerender(409, { errors: {}, conflicts: err.conflicts, formError: err.message });
    if (err instanceof StaleVersionError) return rerender(412, { errors: {}, stale: err.current, formError: err.message });
    if (err instanceof InUseError) return rerender(409, { errors: {}, formError: err.message });
    throw err;
  }
}

export function flash(req: Request, kind: 'success' | 'warning' | 'error', text: string): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
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
