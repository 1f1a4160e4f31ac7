import JSZip from 'jszip';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/** A .docx as a test reads it: word/document.xml, and its paragraphs' text in order, as Word shows them. */
export interface ReadDocx {
  xml: string;
  paragraphs: string[];
  /** Every paragraph joined by a line break. */
  text: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!);

/** Opens the file with jszip (as Word does, a zip of XML parts) and reads the body's paragraphs. */
export async function readDocx(body: Buffer): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(body);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('no word/document.xml in the file');
  const xml = await part.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
    .filter((p) => p !== '');
  return { xml, paragraphs, text: paragraphs.join('\n') };
}

/** GETs a download with the body kept as bytes (supertest would otherwise try to read it as text). */
export function download(agent: Pick<TestAgent, 'get'>, url: string): Promise<Response & { body: Buffer }> {
  return agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }) as unknown as Promise<Response & { body: Buffer }>;
}

/** The name a browser saves the file under: filename* (RFC 8187) when given, else filename. */
export function savedFilename(disposition: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]*)"/.exec(disposition)?.[1] ?? '';
}
