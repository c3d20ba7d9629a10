; The lines after an entry's header are its fields, indented one level;
; a new entry starts at column 0 again.
; `@indent.begin` is Neovim's name, `@indent` Helix's; each ignores the other.
(entry) @indent.begin
(entry) @indent
