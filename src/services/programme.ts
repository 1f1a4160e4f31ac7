import type { DocxModule } from '../domain/programme';
import { NotFoundError } from '../domain/errors';
import type { ScopeRef } from '../domain/feed-scope';
import { programmeDocument, programmeOfStay, type ContactSource } from '../domain/programme';
import type { Store } from '../store';
import type { AgendaRequest, AgendaService } from './agendas';
import { SCOPES } from './feeds';
import { message } from '../messages';
import { translate } from '../messages/catalogue';

/** The docx package, loaded on the first download: it costs every start about 150 ms and 14 MB otherwise, for a file few runs make. */
let docxModule: Promise<DocxModule> | undefined;
const loadDocx = () => (docxModule ??= import('docx').then((m) => ((m as { default?: DocxModule }).default ?? m) as DocxModule));

/** The scopes a programme of stay is written for: a delegation, or one person of it. */
export const PROGRAMME_SCOPES = ['delegation', 'person'] as const;

export function hasProgramme(scope: string): boolean {
  return (PROGRAMME_SCOPES as readonly string[]).includes(scope);
}

export interface ProgrammeFile {
  body: Buffer;
  /** 'Programme of stay - Azerbaijan delegation - 2019-06-07.docx', in the reader's language. */
  filename: string;
}

/**
 * The programme of stay as a Word document (issue 16): the agenda the same
 * reader would print (AgendaService.build, so the document says what the
 * sheet says), read for a document that leaves the house, with the protocol
 * contacts of the scope's delegations.
 */
export class ProgrammeService {
  constructor(
    private readonly store: Store,
    private readonly agendas: AgendaService,
  ) {}

  async docx(req: AgendaRequest): Promise<ProgrammeFile> {
    if (!hasProgramme(req.scope)) throw new NotFoundError(message('agenda.scope-kind', {}));
    const agenda = this.agendas.build(req);
    const forum = this.store.forums.find(req.forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    const model = programmeOfStay({ agenda, forum, day: req.day, contacts: this.contactsOf(req), locale: req.locale });
    const docx = await loadDocx();
    const body = await docx.Packer.toBuffer(programmeDocument(docx, model));
    const when = req.day ?? translate(req.locale, 'ui.docx.all-days');
    return {
      body,
      filename: `${model.heading} - ${model.scopeTitle} - ${when}.docx`,
    };
  }

  /** The protocol officers of the scope's delegations, each once, in the delegations' order. */
  private contactsOf(ref: ScopeRef): ContactSource[] {
    const seen = new Set<number>();
    const out: ContactSource[] = [];
    for (const id of SCOPES[ref.scope].delegationIds(this.store, ref.scopeId, ref.forumId)) {
      for (const member of this.store.delegations.members(id)) {
        if (member.role !== 'protocol_officer' || seen.has(member.personId)) continue;
        const person = this.store.people.find(member.personId);
        if (!person) continue;
        seen.add(member.personId);
        out.push({ person, role: member.role });
      }
    }
    return out;
  }
}
