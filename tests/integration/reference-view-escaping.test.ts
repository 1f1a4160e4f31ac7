import { lintView } from '../../scripts/lint-views';

/** npm run lint:views (CI runs it over views/): `<%-` prints raw HTML, so it may only wrap include(...). */
describe('lint:views', () => {
  it.each([
    { name: 'an include', source: "<%- include('../partials/head') %>", offences: 0 },
    { name: 'an include with locals and a semicolon', source: "<%- include('field', { f: f, values: values }); %>", offences: 0 },
    { name: 'an include over several lines, whitespace-trimming close', source: "<%-\n  include('a',\n  { x: 1 }) -%>", offences: 0 },
    { name: 'a parenthesis inside the include path', source: "<%- include('odd)name') %>", offences: 0 },
    { name: 'escaped output', source: '<%= person.fullName %>', offences: 0 },
    { name: 'a value printed raw', source: '<p>\n<%- person.fullName %></p>', offences: 1 },
    { name: 'an include with a value appended', source: "<%- include('a') + person.notes %>", offences: 1 },
    { name: 'a raw string literal beside a good include', source: "<%- include('a') %><%- '<b>' %>", offences: 1 },
    { name: 'a name through the name partial', source: "<td><%- include('../partials/name', { what: person }) %></td>", offences: 0 },
    { name: 'a chosen secondary name through the name partial', source: "<%- include('name', { what: nameShown(p).secondary }) %>", offences: 0 },
    { name: 'a helper printed raw, even one that escapes', source: '<%- nameOf(p) %>', offences: 1 },
    { name: 'a helper that only looks like include', source: '<%- includeRaw(p) %>', offences: 1 },
  ])('$name', ({ source, offences }) => {
    expect(lintView('view.ejs', source)).toHaveLength(offences);
  });

  it('names the file and line of an offence', () => {
    expect(lintView('views/x.ejs', 'a\nb\n<td><%- note %></td>')).toEqual([{ file: 'views/x.ejs', line: 3, code: '<%- note %>' }]);
  });

});
