// The programme of stay: its model (the agenda read for a document that leaves the house) and its Word layout.
export { programmeOfStay, type ContactSource } from './model';
export { programmeDocument, type DocxModule } from './docx';
