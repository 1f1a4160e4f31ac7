import type { NextFunction, Request, Response } from 'express';
import { TABLE_LIMITS } from '../../services/imports';

/**
 * The one form here that sends a file: the import's upload (issue 16), as
 * multipart/form-data, read only at UPLOAD_PATH. A body past the limit is not
 * kept: its first part (where the form puts _csrf and the kind, before the
 * file) is read so the refusal can be a page with the form's message, and
 * the rest is drained. Only the fields and the one file are kept.
 */
export const UPLOAD_PATH = /^\/imports\/upload\/?$/i;
/** What a file may be, plus room for the form's other fields and the part headers. */
const MAX_BODY = TABLE_LIMITS.maxBytes + 64 * 1024;
const HEAD_KEPT = 64 * 1024;
const MAX_FIELDS = 20;

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** The body was larger than any file the import takes: bytes is empty. */
  tooLarge: boolean;
}

declare module 'express-serve-static-core' {
  interface Locals {
    upload?: Upload;
  }
}

export function readUpload(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || !UPLOAD_PATH.test(req.path) || !req.is('multipart/form-data')) return next();
  const boundary = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(req.get('content-type') ?? '');
  if (!boundary) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      if (!tooLarge) {
        tooLarge = true;
        const head = Buffer.concat(chunks).subarray(0, HEAD_KEPT);
        chunks.length = 0;
        chunks.push(head);
      }
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', next);
  req.on('end', () => {
    const parsed = parseMultipart(Buffer.concat(chunks), boundary[1] ?? boundary[2]!);
    req.body = parsed.fields;
    res.locals.upload = { fileName: parsed.fileName, bytes: tooLarge ? Buffer.alloc(0) : parsed.file, tooLarge };
    next();
  });
}

/** The text fields and the first file of a multipart body; a part cut off (a body past the limit) is left out. */
export function parseMultipart(body: Buffer, boundary: string): { fields: Record<string, string>; fileName: string; file: Buffer } {
  const fields: Record<string, string> = {};
  let fileName = '';
  let file = Buffer.alloc(0);
  let haveFile = false;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  let count = 0;
  while (at >= 0 && count < MAX_FIELDS + 1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF that ends the part
    at = next;
    count++;
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd < 0) continue;
    const head = part.subarray(0, headEnd).toString('utf8');
    const content = part.subarray(headEnd + 4);
    const name = /name="([^"]{1,100})"/i.exec(head)?.[1];
    if (!name || name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const filename = /filename="([^"]{0,300})"/i.exec(head);
    if (filename) {
      if (!haveFile) {
        haveFile = true;
        fileName = filename[1]!;
        file = Buffer.from(content);
      }
    } else if (content.length <= 10_000) {
      fields[name] = content.toString('utf8');
    }
  }
  return { fields, fileName, file };
}
