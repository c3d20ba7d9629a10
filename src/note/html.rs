//! The note as one self-contained HTML page, styled and escaped as the
//! summary is (`crate::summary::html`): no scripts, fonts, images or links,
//! a Content-Security-Policy forbidding any, and clean printing with each
//! note of `--all` on a page of its own.

use super::{Note, Style, header_line, sections};
use crate::summary::html::{esc, styled_page};
use std::fmt::Write as _;

/// The note's own CSS, after the summary's.
const STYLE: &str = "
article + article { break-before: page; margin-top: 3rem; }
ul.sub { margin: 0; }
";

/// Renders the notes on one page.
pub fn render(notes: &[Note], style: Style) -> String {
    let mut b = String::new();
    for note in notes {
        let attended = note.attendance == crate::words::Attendance::Attended;
        let _ = writeln!(
            b,
            "<article>\n<header>\n<h1>{}: {}</h1>\n<p class=\"meta\">{}</p>\n</header>",
            esc(&style.heading(attended)),
            esc(&note.title),
            esc(&header_line(note))
        );
        for (title, lines) in sections(note, style) {
            let _ = writeln!(b, "<section>\n<h2>{}</h2>\n<ul>", esc(title));
            let mut open = false;
            for line in lines {
                match line.strip_prefix("  ") {
                    Some(under) => {
                        if !open {
                            b.push_str("<ul class=\"sub\">\n");
                            open = true;
                        }
                        let _ = writeln!(b, "<li>{}</li>", esc(under));
                    }
                    None => {
                        if open {
                            b.push_str("</ul>\n");
                            open = false;
                        }
                        let _ = writeln!(b, "<li>{}</li>", esc(&line));
                    }
                }
            }
            if open {
                b.push_str("</ul>\n");
            }
            b.push_str("</ul>\n</section>\n");
        }
        b.push_str("</article>\n");
    }
    let title = match notes {
        [one] => format!("{}: {} ({})", style.heading(true), one.title, one.date),
        _ => format!("{} notes", style.as_str().to_uppercase()),
    };
    styled_page(&title, &b, STYLE)
}
