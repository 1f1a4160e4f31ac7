import express, { type NextFunction, type Request, type Response } from 'express';
import { ValidationError } from '../../domain/errors';
import { normaliseText } from '../../domain/text';
import { isApiPath } from './policy';
import { translate } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import { uploadOf } from './upload';

/**
 * Request bodies, decided in one place so that no handler meets `undefined`,
 * a nested object where it expects a string, or a `__proto__` key.
 *
 * parseBody runs early (the CSRF check reads `_csrf` from the body); checkBody
 * runs after sign-in and the CSRF check, so a stranger learns nothing from it
 * and an error page has the signed-in layout.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'application/json'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Names that reach Object.prototype when a body is spread or assigned into an object. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_NAME = 100;
const MAX_DEPTH = 6;

export const parseBody = [
  express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 2000 }),
  express.json({ limit: '500kb' }),
];

/** Why a body was refused: the status and a sentence that says what to send instead. */
class BodyRefusal {
  constructor(
    readonly status: 415 | 422,
    readonly message: string,
    readonly field = '_form',
  ) {}
}

export function checkBody(req: Request, res: Response, next: NextFunction): void {
  if (!UNSAFE.has(req.method)) {
    req.body = {};
    return next();
  }
  const refusal = hasBody(req) && !req.is(FORM_TYPES) && !uploadOf(req) ? unsupported(req) : null;
  const shaped = refusal ?? (isApiPath(req.path) ? apiShape(req.body) : formShape(req.body));
  if (shaped instanceof BodyRefusal) {
    if (shaped.status === 422) return next(new ValidationError({ [shaped.field]: shaped.message }, shaped.message));
    res.status(415);
    if (isApiPath(req.path) || (req.get('accept') ?? '').startsWith('application/json')) res.json({ error: shaped.message });
    else res.render('pages/errors/generic', { title: translate(readerLocale(req), 'ui.errors.title.unreadable'), message: shaped.message });
    return;
  }
  req.body = shaped;
  next();
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function unsupported(req: Request): BodyRefusal {
  const type = req.get('content-type');
  return new BodyRefusal(
    415,
    type
      ? `This address does not read ${type.split(';')[0]}: send the form as application/x-www-form-urlencoded or application/json.`
      : 'The request has a body but no Content-Type: send the form as application/x-www-form-urlencoded or application/json.',
  );
}

/**
 * A form's fields are strings, or lists of strings where the form repeats a
 * name. JSON posted to a form route is accepted in the same shape, with its
 * numbers, booleans and nulls read as a browser would have sent them.
 */
function formShape(body: unknown): Record<string, string | string[]> | BodyRefusal {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return new BodyRefusal(422, 'Send the form’s fields as name=value pairs (or one JSON object), not a list or a single value.');
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const badName = nameProblem(name);
    if (badName) return badName;
    if (Array.isArray(value)) {
      const items = value.map(scalarText);
      if (items.some((i) => i === undefined)) return new BodyRefusal(422, `The field “${name}” must be text or a list of texts, not a nested object.`, name);
      out[name] = (items as string[]).map((i) => asStored(name, i));
      continue;
    }
    const text = scalarText(value);
    if (text === undefined) return new BodyRefusal(422, `The field “${name}” must be text, not a nested object.`, name);
    out[name] = asStored(name, text);
  }
  return out;
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  return undefined;
}

/** The API takes one JSON object whose nesting is bounded and whose names are plain. */
function apiShape(body: unknown): Record<string, unknown> | BodyRefusal {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return new BodyRefusal(422, 'Send one JSON object, not a list or a single value.');
  return walk(body, '', 0) as Record<string, unknown> | BodyRefusal;
}

/** A copy of a JSON value with its texts normalised, or why it is refused. */
function walk(value: unknown, name: string, depth: number): unknown {
  if (typeof value === 'string') return asStored(name, value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return new BodyRefusal(422, `The body is nested more than ${MAX_DEPTH} levels deep: no field of this API needs that.`);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const read = walk(item, name, depth + 1);
      if (read instanceof BodyRefusal) return read;
      items.push(read);
    }
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const badName = nameProblem(key);
    if (badName) return badName;
    const read = walk(inner, key, depth + 1);
    if (read instanceof BodyRefusal) return read;
    out[key] = read;
  }
  return out;
}

/**
 * Every text is normalised here, once, for forms and the API alike (see
 * normaliseText). Passwords are the exception: they are compared, never shown,
 * and one set from the command line must still match when typed.
 */
function asStored(name: string, text: string): string {
  return /password/i.test(name) ? text : normaliseText(text);
}

function nameProblem(name: string): BodyRefusal | null {
  if (FORBIDDEN_NAMES.has(name)) return new BodyRefusal(422, `“${name}” is not a field of any form here: remove it.`);
  if (name.length > MAX_NAME) return new BodyRefusal(422, `A field name is longer than ${MAX_NAME} characters: no form here has such a field.`);
  return null;
}
