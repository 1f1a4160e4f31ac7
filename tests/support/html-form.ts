/**
 * Reads a rendered form the way a browser submits it, so a test can check that
 * a page "kept the input" by what the user would see and send back, and can
 * resubmit a returned form (e.g. with "Save as tentative") without re-typing it.
 * A few regular expressions suffice for our own EJS output: no scripts, no
 * nested forms, attribute values always double-quoted.
 */
export type FormFields = [name: string, value: string][];

const CONTROL = /<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<button\b([^>]*)>/g;
const ATTRIBUTE = /([\w:-]+)(?:="([^"]*)")?/g;

/**
 * The fields of the first form whose action contains `action` (any form if
 * omitted), as [name, value] pairs in document order. Buttons are sent only
 * when `submitter` names one as `name=value`.
 */
export function formFieldsOf(html: string, opts: { action?: string; submitter?: string } = {}): FormFields {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((m) => opts.action === undefined || (attributes(m[1]!).action ?? '').includes(opts.action));
  if (!form) throw new Error(`no form${opts.action ? ` posting to ${opts.action}` : ''} on the page`);
  const fields: FormFields = [];
  for (const m of form[2]!.matchAll(CONTROL)) {
    if (m[1] !== undefined) {
      const a = attributes(m[1]);
      if (!a.name || a.disabled !== undefined) continue;
      const type = (a.type ?? 'text').toLowerCase();
      if (type === 'submit' || type === 'button') continue;
      if ((type === 'checkbox' || type === 'radio') && a.checked === undefined) continue;
      fields.push([a.name, decode(a.value ?? (type === 'checkbox' ? 'on' : ''))]);
    } else if (m[2] !== undefined) {
      const a = attributes(m[2]);
      if (!a.name) continue;
      const options = [...m[3]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({ a: attributes(o[1]!), text: o[2]! }));
      const chosen = options.find((o) => o.a.selected !== undefined) ?? options[0];
      if (chosen) fields.push([a.name, decode(chosen.a.value ?? chosen.text.trim())]);
    } else if (m[4] !== undefined) {
      const a = attributes(m[4]);
      if (a.name) fields.push([a.name, decode(m[5]!)]);
    } else if (m[6] !== undefined && opts.submitter) {
      const a = attributes(m[6]);
      if (a.name && `${a.name}=${decode(a.value ?? '')}` === opts.submitter) fields.push([a.name, decode(a.value ?? '')]);
    }
  }
  return fields;
}

/** Every value the form sends under `name`, in order. */
export function valuesOf(fields: FormFields, name: string): string[] {
  return fields.filter(([n]) => n === name).map(([, v]) => v);
}

/** The first value under `name`, or undefined. */
export function valueOf(fields: FormFields, name: string): string | undefined {
  return valuesOf(fields, name)[0];
}

/** Replaces every value under each given name (arrays for repeated fields), keeping the others. */
export function withFields(fields: FormFields, changes: Record<string, string | string[]>): FormFields {
  const kept = fields.filter(([n]) => !(n in changes));
  const added = Object.entries(changes).flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [n, x]));
  return [...kept, ...added];
}

/** application/x-www-form-urlencoded, repeated keys kept: what `.type('form').send(...)` should get. */
export function encodeForm(fields: FormFields): string {
  return new URLSearchParams(fields).toString();
}

/** The text of the error message the form shows beside the control with this id (e.g. 'f-title'). */
export function fieldErrorOf(html: string, controlId: string): string | undefined {
  const m = new RegExp(`<p class="error-text" id="${controlId}-err">([\\s\\S]*?)</p>`).exec(html);
  return m ? decode(m[1]!.trim()) : undefined;
}

function attributes(source: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  // A bare attribute (selected, checked) reads as ''.
  for (const m of source.matchAll(ATTRIBUTE)) out[m[1]!.toLowerCase()] = m[2] ?? '';
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
