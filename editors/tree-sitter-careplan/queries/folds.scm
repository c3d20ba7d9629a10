; An entry folds to its header; a multi-line note folds to its first line.
(entry) @fold
(multiline_string) @fold
