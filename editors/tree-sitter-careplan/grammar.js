/**
 * @file careplan: plain-text treatment plans with their progress notes.
 *
 * The language is line-based: an entry's header starts at column 0 and the
 * indented lines under it are its fields (one level of nesting, no braces).
 * The external scanner (src/scanner.c) tells the two kinds of line break
 * apart: `_line` when the next line that counts is indented (a field of the
 * same entry), `_newline` when it starts at column 0 (the next entry). It
 * follows grammar/careplan.pest, the reference grammar: a column-0 comment
 * stays with the entry above only when an indented field follows it.
 *
 * Like the reference grammar, any field parses under any entry (the checker,
 * not the grammar, says which entry may hold which), and a value-set word
 * that is misspelt parses as an identifier rather than an ERROR.
 *
 * Every keyword and value-set word comes from words.js, which is generated
 * from the Rust vocabulary; generation fails if a field or entry there has
 * no shape here, or a shape here names no field or entry there.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const words = require('./words.js');

/** A keyword as the node `node` (`entry_keyword`, `field_keyword`). */
const keyword = (word, node) => alias(word, node);

/** A word of a closed value set, or any identifier (a misspelling). */
const value = ($, set) => choice(alias(choice(...words.values[set]), $.value), $.identifier);

/** A comma list of ids. */
const ids = $ => seq($.identifier, repeat(seq(',', $.identifier)));

/** Each entry's header after its keyword, keyed by the keyword. */
const HEADERS = {
  'plan': $ => [field('title', $.string)],
  'concern': $ => [field('id', $.identifier), field('text', $.string)],
  'goal': $ => [field('id', $.identifier), field('text', $.string), optional($.for_clause)],
  'objective': $ => [field('id', $.identifier), field('text', $.string), $.for_clause],
  'intervention': $ => [
    field('id', $.identifier),
    field('modality', $.identifier),
    optional(field('technique', $.identifier)),
    optional(field('title', $.string)),
    optional($.for_clause),
  ],
  'medication': $ => [
    field('id', $.identifier),
    field('drug', choice($.identifier, $.string)),
    optional($.for_clause),
  ],
  'measure': $ => [field('id', $.identifier), field('name', $.string)],
  'session': $ => [field('date', $._date)],
  'review': $ => [field('date', $._date)],
  'event': $ => [field('date', $._date), field('kind', value($, 'event')), field('text', $.string)],
  'safety-plan': $ => [field('date', $._date)],
  'discharge': $ => [
    field('date', $._date),
    field('kind', value($, 'discharge')),
    optional(field('summary', $.string)),
  ],
};

/** Each field's value after its keyword, keyed by the keyword. */
const FIELDS = {
  'client': $ => [choice($.identifier, $.stand_in)],
  'born': $ => [$._date],
  'clinician': $ => [$.string],
  'prescriber': $ => [$.string],
  'opened': $ => [$._date],
  'orientation': $ => [field('modality', $.identifier)],
  'integration': $ => [value($, 'integration')],
  'rationale': $ => [$.string],
  'stage': $ => [value($, 'stage')],
  'care': $ => [value($, 'care')],
  'review': $ => ['every', $.duration],
  'risk': $ => [value($, 'risk'), optional(field('reason', $.string))],
  'discharge-criteria': $ => [$.string],
  'diagnosis': $ => [$.code],
  'since': $ => [$._date],
  'measure': $ => [
    field('measure', $.identifier),
    'baseline', field('baseline', $.number),
    'target', $.target,
    optional($.sustained),
  ],
  'due': $ => [$._date],
  'frequency': $ => [choice($.string, $.rate, value($, 'cadence'))],
  'course': $ => [$.extent],
  'consent': $ => [$._date],
  'dose': $ => [optional(field('medication', $.identifier)), $.string],
  'started': $ => [$._date],
  'stopped': $ => [$._date],
  'monitor': $ => [$.string],
  'range': $ => [field('min', $.number), '..', field('max', $.number)],
  'better': $ => [value($, 'better')],
  'reliable-change': $ => [$.number],
  'used': $ => [field('intervention', $.identifier), optional(field('response', $.string))],
  'progress': $ => [field('goal', $.identifier), $.string],
  'score': $ => [
    field('measure', $.identifier),
    field('score', $.number),
    optional(seq('->', field('after', $.number))),
  ],
  'note': $ => [$.string],
  'homework': $ => [$.string],
  'minutes': $ => [$.number],
  'format': $ => [value($, 'format')],
  'attendance': $ => [value($, 'attendance')],
  'assessment': $ => [$.string],
  'status': $ => [field('goal', $.identifier), value($, 'achievement'), optional($.string)],
  'revise': $ => [
    field('id', $.identifier),
    choice(
      seq('target', optional(field('measure', $.identifier)), $.target),
      seq('due', $._date),
      seq('course', $.extent),
    ),
  ],
  'stop': $ => [field('id', $.identifier), optional(field('reason', $.string))],
  'next': $ => [$._date],
  'warning-signs': $ => [$.string],
  'coping': $ => [$.string],
  'contacts': $ => [$.string],
  'means-safety': $ => [$.string],
  'referral': $ => [$.string],
};

/** `safety-plan` → `safety_plan`. */
const snake = word => word.replace(/-/g, '_');

/** Fails generation when the shapes here and the vocabulary disagree. */
function agree(what, shapes, vocabulary) {
  const missing = vocabulary.filter(w => !(w in shapes));
  const extra = Object.keys(shapes).filter(w => !vocabulary.includes(w));
  if (missing.length || extra.length) {
    throw new Error(
      `grammar.js and words.js disagree on ${what}: ` +
      (missing.length ? `no shape for ${missing.join(', ')}` : '') +
      (missing.length && extra.length ? '; ' : '') +
      (extra.length ? `${extra.join(', ')} not in the vocabulary` : '') +
      ' (words.js is generated from src/vocabulary.rs: write the shape in grammar.js)',
    );
  }
}
agree('entries', HEADERS, words.entries);
agree('fields', FIELDS, words.fields);

const rules = {
  // Entries stand apart by at least one `_newline`: after a `_line` comes a
  // field of the same entry, never the next header.
  source_file: $ => seq(
    optional('\uFEFF'),
    repeat($._newline),
    optional(seq($.entry, repeat(choice($._newline, seq($._newline, $.entry))))),
  ),

  // An entry: its header, then its field lines. A line under it holding only
  // a comment or spaces is a `_line` with no field.
  entry: $ => seq(
    field('header', choice(...words.entries.map(w => $[`${snake(w)}_header`]))),
    repeat(seq($._line, optional($._field))),
  ),

  _field: $ => choice(...words.fields.map(w => $[`${snake(w)}_field`])),

  for_clause: $ => seq('for', ids($)),

  target: $ => seq(alias(choice(...words.values.comparator), $.comparator), $.number),
  sustained: $ => seq('sustained', $.extent),
  duration: $ => seq($.number, alias(choice(...words.values.unit), $.unit)),
  extent: $ => seq($.number, alias(choice(...words.values['extent-unit']), $.unit)),
  rate: $ => seq($.number, 'per', alias(choice(...words.values.per), $.unit)),

  string: $ => choice($._quoted, $.multiline_string),
  _quoted: $ => seq(
    '"',
    repeat(choice(token.immediate(prec(1, /[^"\\\n]+/)), $.escape_sequence)),
    token.immediate('"'),
  ),
  escape_sequence: _ => token.immediate(/\\["\\n]/),
  // `"""` to the next `"""`, raw, over any number of lines.
  multiline_string: _ => token(/"""([^"]|"[^"]|""[^"])*"""/),

  identifier: _ => /[\p{L}][\p{L}\p{N}_.\-]*/,
  _date: $ => choice($.date, $.stand_in),
  date: _ => /\d{4}-\d{2}-\d{2}/,
  // A template's stand-in for the client id or a date (`{{opened + 2 weeks}}`),
  // which `careplan new` replaces: templates are plans too.
  stand_in: _ => /\{\{[^}\r\n]*\}\}/,
  number: _ => /-?\d+(\.\d+)?/,
  code: _ => /[A-Za-z0-9._\-]+/,
  comment: _ => token(seq('#', /[^\r\n]*/)),
};

for (const w of words.entries) {
  const shape = HEADERS[w];
  rules[`${snake(w)}_header`] = $ => seq(keyword(w, $.entry_keyword), ...shape($));
}
for (const w of words.fields) {
  const shape = FIELDS[w];
  rules[`${snake(w)}_field`] = $ => seq(keyword(w, $.field_keyword), ...shape($));
}

module.exports = grammar({
  name: 'careplan',
  externals: $ => [$._line, $._newline],
  extras: $ => [/[ \t]/, $.comment],
  word: $ => $.identifier,
  rules,
});
