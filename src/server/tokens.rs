//! Semantic tokens: the library's classified pieces ([`crate::session::semantic`])
//! in the protocol's relative encoding, one token per line of a piece, over
//! the legend declared at initialization.

use super::Open;
use crate::session::{Class, IdKind, Piece, semantic};
use crate::span::Span;
use lsp_types::{
    Range, SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens,
    SemanticTokensLegend,
};

/// The token types, in the legend's order: an id's kind maps to the
/// standard type an editor's theme colours most alike (a goal as a class,
/// an intervention as a function, a measure as a variable).
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::NUMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::TYPE,
    SemanticTokenType::CLASS,
    SemanticTokenType::STRUCT,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::METHOD,
    SemanticTokenType::VARIABLE,
];

/// The token modifiers, in the legend's order.
const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DEFINITION,
    SemanticTokenModifier::DEPRECATED,
    SemanticTokenModifier::READONLY,
    SemanticTokenModifier::DEFAULT_LIBRARY,
];

/// The legend the tokens' numbers index.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

fn index_of<T: PartialEq>(list: &[T], item: &T) -> u32 {
    list.iter()
        .position(|t| t == item)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0)
}

/// The type and the modifiers' bits of one piece.
fn type_of(piece: &Piece, declared_measure: bool) -> (u32, u32) {
    use SemanticTokenType as T;
    let kind = match (piece.class, piece.id) {
        (Class::Keyword | Class::Command, _) => T::KEYWORD,
        (Class::Field, _) => T::PROPERTY,
        (Class::Word, _) => T::ENUM_MEMBER,
        (Class::Date | Class::Number, _) => T::NUMBER,
        (Class::Str, _) => T::STRING,
        (Class::Comment, _) => T::COMMENT,
        (Class::Id, Some(IdKind::Concern)) => T::TYPE,
        (Class::Id, Some(IdKind::Goal)) => T::CLASS,
        (Class::Id, Some(IdKind::Objective)) => T::STRUCT,
        (Class::Id, Some(IdKind::Intervention)) => T::FUNCTION,
        (Class::Id, Some(IdKind::Medication)) => T::METHOD,
        (Class::Id, Some(IdKind::Measure) | None) => T::VARIABLE,
    };
    let mut modifiers = Vec::new();
    if piece.definition {
        modifiers.push(SemanticTokenModifier::DEFINITION);
    }
    if piece.stopped {
        modifiers.push(SemanticTokenModifier::DEPRECATED);
    }
    if piece.id == Some(IdKind::Measure) {
        modifiers.push(SemanticTokenModifier::READONLY);
        if !declared_measure {
            modifiers.push(SemanticTokenModifier::DEFAULT_LIBRARY);
        }
    }
    let bits = modifiers
        .iter()
        .fold(0, |bits, m| bits | (1 << index_of(MODIFIERS, m)));
    (index_of(TYPES, &kind), bits)
}

/// The document's tokens, or those within `range`.
pub fn tokens(open: &Open<'_>, range: Option<Range>) -> SemanticTokens {
    let text = open.text();
    let only = range.map(|r| open.span(r));
    let document = &open.session.analysis().document;
    let measures = open.session.options().catalogue.measures_for(document);
    let mut data = Vec::new();
    let (mut line, mut character) = (0, 0);
    for piece in semantic(open.session) {
        if only.is_some_and(|o| piece.range.end <= o.start || o.end <= piece.range.start) {
            continue;
        }
        let word = text.get(piece.range.clone()).unwrap_or("");
        let declared = measures.get(word).is_some_and(|m| m.declared);
        let (token_type, token_modifiers_bitset) = type_of(&piece, declared);
        // One token per line: clients need not support multi-line tokens.
        let mut start = piece.range.start;
        for part in word.split('\n') {
            let end = start + part.trim_end_matches('\r').len();
            let range = open.range(Span::new(start, end));
            start += part.len() + 1;
            if range.start.line != range.end.line || range.start == range.end {
                continue;
            }
            let at = range.start;
            let delta_line = at.line - line;
            let delta_start = if delta_line == 0 {
                at.character - character
            } else {
                at.character
            };
            (line, character) = (at.line, at.character);
            data.push(SemanticToken {
                delta_line,
                delta_start,
                length: range.end.character - at.character,
                token_type,
                token_modifiers_bitset,
            });
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}
