/**
 * Stops the interop suite before its first test when python icalendar or
 * libical is missing, with one message naming the Debian packages, instead of
 * a hundred failures that each say less.
 */
import { assertValidatorInstalled } from './validate-ics';

export default function globalSetup(): void {
  assertValidatorInstalled();
}
