/**
 * The message seam: domain and services say what happened as a Message (a key
 * and parameters); the edge renders it in one place per language (catalogues/<locale>/*.json, through render.ts).
 * To add a message: declare its key and parameters in the area's file here
 * (conflicts.ts, …), then its sentence in every language under its folder.
 */
export type { Messages, MessageKey } from './keys';
export { message, type Message } from './message';
export { render } from './render';
