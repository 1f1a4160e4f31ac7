import type { NextFunction, Request, Response } from 'express';
import { MAX_BYTES } from '../../services/forum-transfer';
import { TABLE_LIMITS } from '../../services/imports';
import { MAX_CALENDAR_BYTES } from '../../services/busy-times';

/**
 * A file sent by a form (multipart/form-data), read for the few addresses
 * that take one and nowhere else. The fields become req.body (so the CSRF
 * check finds `_csrf`, which the form sends before the file), the file is
 * kept aside for the handler (`uploadOf`). A body over the limit is not kept:
 * its first part still gives the CSRF token, and the handler answers with the
 * limit instead of reading the rest.
 */
const UPLOADS: ReadonlyMap<string, number> = new Map([
  ['/admin/forum-import', MAX_BYTES],
  // A spreadsheet of people or organizations (issue 16).
  ['/imports/upload', TABLE_LIMITS.maxBytes],
]);
/** Addresses with an id in them that take a file: the forum's official programme calendar (issue 16). */
const UPLOAD_PATTERNS: readonly (readonly [RegExp, number])[] = [[/^\/forums\/\d{1,15}\/forum-programme\/import$/, MAX_CALENDAR_BYTES]];
/** Room for the form's other fields and the multipart framing. */
const FRAMING = 64 * 1024;

export interface Upload {
  /** The file's bytes, or null when it was larger than the limit or no file was chosen. */
  bytes: Buffer | null;
  name: string;
  tooLarge: boolean;
}

const uploads = new WeakMap<Request, Upload>();

export function uploadOf(req: Request): Upload | undefined {
  return uploads.get(req);
}

export function readUpload(req: Request, _res: Response, next: NextFunction): void {
  const path = req.path.toLowerCase().replace(/\/+$/, '');
  const limit = UPLOADS.get(path) ?? UPLOAD_PATTERNS.find(([pattern]) => pattern.test(path))?.[1];
  if (req.method !== 'POST' || limit === undefined || !req.is('multipart/form-data')) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit + FRAMING) {
      if (!tooLarge) chunks.splice(1);
      tooLarge = true;
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', next);
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (tooLarge) {
      req.body = { _csrf: csrfFromHead(body) };
      uploads.set(req, { bytes: null, name: '', tooLarge: true });
      return next();
    }
    const type = req.get('content-type') ?? '';
    new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body })
      .formData()
      .then((form) => {
        const fields: Record<string, string> = {};
        let upload: Upload = { bytes: null, name: '', tooLarge: false };
        for (const [name, value] of form.entries()) {
          if (typeof value === 'string') fields[name] = value;
          else if (upload.bytes === null && value.size > 0)
            return value.arrayBuffer().then((buf) => {
              upload = { bytes: Buffer.from(buf), name: value.name, tooLarge: buf.byteLength > limit };
              if (upload.tooLarge) upload.bytes = null;
              return { fields, upload };
            });
        }
        return { fields, upload };
      })
      .then(
        ({ fields, upload }) => {
          req.body = fields;
          uploads.set(req, upload);
          next();
        },
        () => {
          // Not readable as a form: the CSRF check refuses it (no token), as any other unreadable body.
          req.body = {};
          next();
        },
      );
  });
}

/** The `_csrf` field of a multipart body's first part, the form's first field. */
function csrfFromHead(head: Buffer): string {
  const match = /name="_csrf"\r\n\r\n([^\r\n]{1,200})\r\n/.exec(head.subarray(0, 4096).toString('latin1'));
  return match?.[1] ?? '';
}
