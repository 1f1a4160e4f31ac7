#!/usr/bin/python3
"""Strict iCalendar check for forum-planner's feeds and .ics downloads.

Usage: scripts/validate-ics.py [--json] FILE.ics [FILE.ics ...]
       scripts/validate-ics.py --check-installed

Calendar clients differ in what they forgive: Google and Apple accept nearly
anything, while Outlook, Evolution and CalDAV servers drop a whole feed over one
bad line. So a feed is read here by the two strictest independent readers we can
get from Debian, and the rules they let pass are checked on the bytes:

  * python icalendar must parse it, with no component reporting an error;
  * libical (behind Evolution and many servers) must parse it, and its RFC 5546
    (iTIP) restriction check for the calendar's METHOD must add no X-LIC-ERROR;
  * every line ends in CRLF, no physical line is over 75 octets, and no fold
    splits a UTF-8 character (clients that unfold per line garble it);
  * the file is UTF-8, and no content line holds a control character other than
    tab (RFC 5545 CONTROL), which some clients read as the end of the line;
  * DTSTAMP, LAST-MODIFIED and CREATED are UTC (RFC 5545 requires it; a floating
    stamp breaks the SEQUENCE/DTSTAMP ordering clients use to pick an update);
  * each event's UID (with RECURRENCE-ID) is unique, since clients merge on it;
  * every TZID a property uses has its VTIMEZONE in the file.

The libraries are Debian's (they install for /usr/bin/python3, not for a pyenv or
venv python):  apt-get install -y python3-icalendar python3-gi gir1.2-ical-3.0

Exit status: 0 when every file is clean, 1 when one has problems, 2 on bad usage,
3 when a library is missing (a missing check must never pass as a clean file).
With --json, prints one JSON object: {"files": [{"file", "errors", "events"}]}.
"""
import json
import re
import sys

PACKAGES = 'python3-icalendar python3-gi gir1.2-ical-3.0'
# RFC 5545 3.1: CONTROL = %x00-08 / %x0A-1F / %x7F; tab is allowed, CR and LF only as CRLF line ends.
CONTROL = re.compile('[\x00-\x08\x0a-\x1f\x7f]')
UTC_STAMP = re.compile(r'^\d{8}T\d{6}Z$')


def load_libraries():
    """The two readers, or the list of what is missing, named by Debian package."""
    missing, icalendar, ical_glib = [], None, None
    try:
        import icalendar
    except ImportError as e:
        missing.append(f'python icalendar ({e}): install python3-icalendar')
    try:
        import gi
        gi.require_version('ICalGLib', '3.0')
        from gi.repository import ICalGLib as ical_glib
    except (ImportError, ValueError) as e:
        missing.append(f'libical through GObject introspection ({e}): install python3-gi gir1.2-ical-3.0')
    return icalendar, ical_glib, missing


def check_octets(raw):
    """Line ends, folding and encoding, on the bytes as a client receives them."""
    errors = []
    if not raw.endswith(b'\r\n'):
        errors.append('the last line does not end with CRLF')
    if re.search(rb'\r(?!\n)|(?<!\r)\n', raw):
        errors.append('lines do not end with CRLF (a bare CR or LF)')
    # A fold inside a character leaves the file invalid as it is but valid once unfolded;
    # clients that decode before unfolding show that character as garbage.
    folds_split = not _is_utf8(raw) and _is_utf8(re.sub(rb'\r\n[ \t]', b'', raw))
    if not folds_split and not _is_utf8(raw):
        errors.append('not UTF-8: ' + _utf8_error(raw))
    for number, line in enumerate(re.split(rb'\r\n|\r|\n', raw), start=1):
        if len(line) > 75:
            errors.append(f'line {number} is {len(line)} octets, over the 75 allowed')
        if folds_split and not _is_utf8(line):
            errors.append(f'line {number} is folded inside a UTF-8 character')
    return errors


def _is_utf8(octets):
    return not _utf8_error(octets)


def _utf8_error(octets):
    try:
        octets.decode('utf-8')
        return ''
    except UnicodeDecodeError as e:
        return str(e)


def content_lines(text):
    """Logical lines: folds joined back (RFC 5545 3.1); a bare CR or LF ends a line too, as
    lenient clients read it, so that it is reported once, by check_octets, not as CONTROL."""
    return [line for line in re.split(r'\r\n|\r|\n', re.sub(r'(?:\r\n|\r|\n)[ \t]', '', text)) if line != '']


def check_lines(lines):
    errors = []
    for line in lines:
        if CONTROL.search(line):
            errors.append(f'a control character in: {line[:60]!r}')
        name = re.split(r'[;:]', line, maxsplit=1)[0].upper()
        if name in ('DTSTAMP', 'LAST-MODIFIED', 'CREATED'):
            value = line.split(':', 1)[1] if ':' in line else ''
            if ';TZID=' in line.upper() or not UTC_STAMP.match(value):
                errors.append(f'{name} is not a UTC date-time: {line}')
    used = {m.group(1) for line in lines for m in re.finditer(r';TZID=("[^"]*"|[^;:]*)', line)}
    defined = [line.split(':', 1)[1] for line in lines if line.startswith('TZID:')]
    for tzid in sorted({t.strip('"') for t in used} - set(defined)):
        errors.append(f'TZID {tzid} is used but has no VTIMEZONE')
    for tzid in sorted({t for t in defined if defined.count(t) > 1}):
        errors.append(f'VTIMEZONE {tzid} is defined twice')
    return errors


# RFC 5545 3.6.1: properties a VEVENT holds at most once (a client keeps one of them, which one differs).
ONCE_PER_EVENT = {'DTSTAMP', 'UID', 'DTSTART', 'DTEND', 'DURATION', 'CLASS', 'CREATED', 'DESCRIPTION', 'GEO',
                  'LAST-MODIFIED', 'LOCATION', 'ORGANIZER', 'PRIORITY', 'SEQUENCE', 'STATUS', 'SUMMARY',
                  'TRANSP', 'URL', 'RECURRENCE-ID'}


def check_structure(lines):
    """BEGIN/END nesting, and no property twice in an event where RFC 5545 allows one."""
    errors, stack, counts = [], [], []
    for line in lines:
        name, _, value = line.partition(':')
        name = re.split(r';', name, maxsplit=1)[0].upper()
        if name == 'BEGIN':
            stack.append(value.upper())
            counts.append({})
        elif name == 'END':
            if not stack or stack[-1] != value.upper():
                errors.append(f'END:{value} does not close {stack[-1] if stack else "anything"}')
                continue
            stack.pop()
            counts.pop()
        elif stack and stack[-1] == 'VEVENT':
            counts[-1][name] = counts[-1].get(name, 0) + 1
            if name in ONCE_PER_EVENT and counts[-1][name] == 2:
                errors.append(f'an event has {name} more than once')
        if stack and stack[-1] == 'VEVENT' and name in ('DTEND', 'DURATION') and counts[-1].get('DTEND') and counts[-1].get('DURATION'):
            errors.append('an event has both DTEND and DURATION')
    errors += [f'BEGIN:{c} is never closed' for c in reversed(stack)]
    return errors


def check_python_icalendar(icalendar, raw):
    errors, events, seen = [], {}, set()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # a parser that cannot read the file is the finding itself
        return [f'python icalendar cannot read it: {str(e)[:160]}'], events  # its message quotes the whole file
    for comp in calendar.walk():
        for prop, message in getattr(comp, 'errors', []):
            errors.append(f'python icalendar: {comp.name} {prop}: {message}')
        if comp.name != 'VEVENT':
            continue
        uid = str(comp.get('UID', ''))
        recurrence = comp.get('RECURRENCE-ID')
        key = (uid, recurrence.to_ical().decode() if recurrence is not None else '')
        if not uid:
            errors.append('an event has no UID')
        elif key in seen:
            errors.append(f'UID {uid} appears twice')
        seen.add(key)
        start, sequence = comp.get('DTSTART'), comp.get('SEQUENCE', 0)
        events[uid] = {
            'sequence': sequence if isinstance(sequence, int) else None,
            'status': str(comp.get('STATUS', '')),
            'start': start.dt.isoformat() if hasattr(start, 'dt') else None,
        }
    return errors, events


def check_libical(ical_glib, text):
    try:
        comp = ical_glib.Component.new_from_string(text)
    except TypeError:  # the binding raises instead of returning NULL
        comp = None
    if comp is None:
        return ['libical cannot read it']
    comp.check_restrictions()
    found = re.finditer(r'X-LIC-ERROR[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*', comp.as_ical_string())
    return ['libical: ' + re.sub(r'\r?\n[ \t]', '', m.group(0)) for m in found]


def check(raw, icalendar, ical_glib):
    """Every problem of one file, and its events (UID -> sequence, status, start)."""
    errors = check_octets(raw)
    text = raw.decode('utf-8', 'replace')
    lines = content_lines(text)
    errors += check_lines(lines) + check_structure(lines)
    parsed, events = check_python_icalendar(icalendar, raw)
    errors += parsed
    errors += check_libical(ical_glib, text)
    return list(dict.fromkeys(errors)), events  # libical repeats a finding once per pass


def main(argv):
    icalendar, ical_glib, missing = load_libraries()
    if missing:
        sys.stderr.write('validate-ics cannot check anything: ' + '; '.join(missing)
                         + f'.\nOn Debian: apt-get install -y {PACKAGES}\n'
                         + 'The libraries install for /usr/bin/python3; another python will not see them.\n')
        return 3
    if argv == ['--check-installed']:
        print('python icalendar and libical are installed')
        return 0
    as_json = '--json' in argv
    files = [a for a in argv if a != '--json']
    if not files or any(f.startswith('--') for f in files):
        sys.stderr.write(__doc__)
        return 2
    results = []
    for name in files:
        with open(name, 'rb') as f:
            errors, events = check(f.read(), icalendar, ical_glib)
        results.append({'file': name, 'errors': errors, 'events': events})
    if as_json:
        print(json.dumps({'files': results}, ensure_ascii=False))
    else:
        for r in results:
            for e in r['errors']:
                print(f"{r['file']}: {e}")
            print(f"{r['file']}: {len(r['events'])} events, {len(r['errors'])} problems")
    return 1 if any(r['errors'] for r in results) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
