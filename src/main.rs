fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let a = careplan::check(&text, &careplan::CheckOptions::new(jiff::civil::date(2026, 11, 22)));
        let idx = careplan::span::LineIndex::new(&text);
        println!("{} entries, {} comments", a.document.entries.len(), a.document.comments.len());
        for d in &a.diagnostics {
            let lc = idx.line_col(&text, d.span.start);
            println!("{}:{}:{} {} {} | {:?} [{:?}]", path, lc.line, lc.column, d.rule, d.message, d.help, d.span.text(&text));
        }
    }
}
