// The line breaks of careplan, which a context-free grammar cannot tell
// apart: `LINE` when the next line that counts is indented (a field line of
// the entry above), `NEWLINE` when it starts at column 0 (the next entry) or
// the file ends. As in grammar/careplan.pest, blank lines and indented
// comment lines stay with the entry, and a column-0 comment stays with it only
// when an indented line that is not a comment follows (past any comments and
// blank lines). The token is the line break alone; the look past it is not
// part of it. The scanner keeps no state.

#include "tree_sitter/parser.h"

enum TokenType { LINE, NEWLINE };

void *tree_sitter_careplan_external_scanner_create(void) { return NULL; }
void tree_sitter_careplan_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_careplan_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_careplan_external_scanner_deserialize(void *payload, const char *buffer,
                                                       unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static bool is_space(int32_t c) { return c == ' ' || c == '\t'; }

// Reads one line break (`\n` or `\r\n`); false, having read nothing that
// matters, when there is none.
static bool line_break(TSLexer *lexer, bool skip) {
  if (lexer->lookahead == '\r') {
    lexer->advance(lexer, skip);
    if (lexer->lookahead != '\n') return false;
  }
  if (lexer->lookahead != '\n') return false;
  lexer->advance(lexer, skip);
  return true;
}

// Whether the next line that counts is indented, reading past blank lines
// and comment lines.
static bool next_is_indented(TSLexer *lexer) {
  bool passed_column0_comment = false;
  for (;;) {
    if (lexer->eof(lexer)) return false;
    unsigned indent = 0;
    while (is_space(lexer->lookahead)) {
      indent++;
      lexer->advance(lexer, false);
    }
    int32_t c = lexer->lookahead;
    if (c == '\n' || c == '\r') {
      if (!line_break(lexer, false)) return indent > 0;
      continue;
    }
    if (lexer->eof(lexer)) return false;
    if (c == '#') {
      if (indent > 0 && !passed_column0_comment) return true;
      if (indent == 0) passed_column0_comment = true;
      while (!lexer->eof(lexer) && lexer->lookahead != '\n') lexer->advance(lexer, false);
      continue;
    }
    return indent > 0;
  }
}

bool tree_sitter_careplan_external_scanner_scan(void *payload, TSLexer *lexer,
                                                const bool *valid_symbols) {
  (void)payload;
  if (!valid_symbols[LINE] && !valid_symbols[NEWLINE]) return false;
  while (is_space(lexer->lookahead)) lexer->advance(lexer, true);
  if (!line_break(lexer, false)) return false;
  lexer->mark_end(lexer);
  bool indented = next_is_indented(lexer);
  if (indented && valid_symbols[LINE]) {
    lexer->result_symbol = LINE;
  } else if (valid_symbols[NEWLINE]) {
    lexer->result_symbol = NEWLINE;
  } else {
    lexer->result_symbol = LINE;
  }
  return true;
}
