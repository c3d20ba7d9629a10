//! [`LineSigns`]: what each line of a file holds that an identifier needs
//! (a digit, an `@`), found eight bytes at a time.
//!
//! `identifying-detail` reads every line of the file, and nearly every line
//! holds none of what it looks for. Finding that out one byte, one line and
//! one search at a time was a fifth of a plan's check; this reads the text
//! once, as 64-bit words, with the bit tricks of Hacker's Delight (Warren,
//! 2nd ed., §6-1, "find first 0-byte"), exact for every byte.

/// One line of a file: where it lies and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineSigns {
    /// The byte offset where the line starts.
    pub start: usize,
    /// The byte offset just after it, its line break included.
    pub end: usize,
    /// How many ASCII digits it holds.
    pub digits: u32,
    /// Whether it holds an `@`.
    pub at_sign: bool,
    /// Whether it holds a `"`, `'` or `#`: a string or a comment.
    pub quoted: bool,
}

impl LineSigns {
    fn at(start: usize) -> Self {
        LineSigns {
            start,
            end: start,
            digits: 0,
            at_sign: false,
            quoted: false,
        }
    }

    /// Adds what the bytes flagged in `within` hold: each mask has the high
    /// bit of a byte set where that byte is a digit, an `@` or a quote.
    fn add(&mut self, signs: &Masks, within: u64) {
        self.digits += (signs.digits & within).count_ones();
        self.at_sign |= signs.at_signs & within != 0;
        self.quoted |= signs.quotes & within != 0;
    }
}

/// Calls `visit` with each line of `source` in order (the last one also
/// when it has no line break); an empty file has no line.
pub(crate) fn each_line(source: &str, mut visit: impl FnMut(LineSigns)) {
    let bytes = source.as_bytes();
    let mut line = LineSigns::at(0);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        let signs = Masks::of(u64::from_le_bytes(word));
        let mut rest = u64::MAX;
        let mut breaks = signs.breaks;
        while breaks != 0 {
            // The high bit of the break's byte: the line takes the bytes
            // up to and including it.
            let bit = breaks.trailing_zeros();
            let upto = u64::MAX >> (63 - bit);
            line.add(&signs, rest & upto);
            line.end = base + (bit / 8) as usize + 1;
            visit(line);
            line = LineSigns::at(line.end);
            rest &= !upto;
            breaks &= !upto;
        }
        line.add(&signs, rest);
        base += 8;
    }
    for &b in chunks.remainder() {
        line.digits += u32::from(b.is_ascii_digit());
        line.at_sign |= b == b'@';
        line.quoted |= matches!(b, b'"' | b'\'' | b'#');
        base += 1;
        if b == b'\n' {
            line.end = base;
            visit(line);
            line = LineSigns::at(base);
        }
    }
    if line.start < bytes.len() {
        line.end = bytes.len();
        visit(line);
    }
}

/// The bytes of one 64-bit word that matter, each as the high bit of its byte.
struct Masks {
    digits: u64,
    at_signs: u64,
    quotes: u64,
    breaks: u64,
}

/// The low seven bits of every byte.
const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

impl Masks {
    fn of(word: u64) -> Masks {
        Masks {
            digits: digits(word),
            at_signs: equal(word, b'@'),
            quotes: equal(word, b'"') | equal(word, b'\'') | equal(word, b'#'),
            breaks: equal(word, b'\n'),
        }
    }
}

/// The high bit of each byte of `word` that is `byte` (exact: no carry
/// crosses a byte, since only seven bits of each are added).
fn equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((x & LOW) + LOW) | x) & HIGH
}

/// The high bit of each byte of `word` that is an ASCII digit, `0x30` to
/// `0x39`: at least `0`, below `:`, and ASCII.
fn digits(word: u64) -> u64 {
    let low = word & LOW;
    let from_zero = low + 0x5050_5050_5050_5050;
    let from_colon = low + 0x4646_4646_4646_4646;
    from_zero & !from_colon & !word & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same lines and counts, one byte at a time.
    fn naive(source: &str) -> Vec<LineSigns> {
        let mut lines = Vec::new();
        let mut start = 0;
        for text in source.split_inclusive('\n') {
            lines.push(LineSigns {
                start,
                end: start + text.len(),
                digits: text.bytes().filter(u8::is_ascii_digit).count() as u32,
                at_sign: text.contains('@'),
                quoted: text.contains(['"', '\'', '#']),
            });
            start += text.len();
        }
        lines
    }

    fn fast(source: &str) -> Vec<LineSigns> {
        let mut lines = Vec::new();
        each_line(source, |line| lines.push(line));
        lines
    }

    #[test]
    fn reads_every_line_as_a_byte_by_byte_reading_does() {
        let samples = [
            "",
            "\n",
            "\n\n\n",
            "no break at the end",
            "session 2026-09-08\n  used I1 \"Engaged\"\n",
            "  note \"Call 07700 900123 or jo@example.org\" # left a message\n",
            "09/:@\"'#\n0123456789abcdef\n\n/:0\n",
            "Café 3 — naïve ½ ٣ 😀 9\nß@\n",
            "\u{ff}\u{80}0\u{7f}9:\n",
        ];
        for sample in samples {
            assert_eq!(fast(sample), naive(sample), "{sample:?}");
            // Every alignment of the words against the lines.
            for pad in 1..8 {
                let padded = format!("{}{sample}", "x".repeat(pad));
                assert_eq!(fast(&padded), naive(&padded), "{padded:?}");
            }
        }
    }

    #[test]
    fn finds_each_byte_and_no_other() {
        for byte in 0..=0x7f_u8 {
            let word = u64::from_le_bytes([b'a', byte, b'z', 0, 0xff, byte, b'9', b'\n']);
            let at = |i: u32| 0x80_u64 << (8 * i);
            let both = at(1) | at(5);
            let expect = |yes: bool| if yes { both } else { 0 };
            assert_eq!(equal(word, b'@') & both, expect(byte == b'@'));
            assert_eq!(digits(word) & both, expect(byte.is_ascii_digit()));
            assert_eq!(digits(word) & at(6), at(6));
            assert_eq!(digits(word) & (at(0) | at(2) | at(3) | at(4)), 0);
        }
    }
}
