// SourceText: what every reader of the library's text files shares — the `Diagnostic`
// (`path:line:column: severity: message`), line splitting,
// UTF-8 decoding and the file-tree walk. It exists so that content files, question banks and
// blueprints are read and reported the same way, and so that the bank readers (QuestionBanks) and
// the content format (CodingContent) need not import each other for it. Imports nothing of ours.
