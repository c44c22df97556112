// QuestionBanks: authored questions in Moodle's GIFT format and in Aiken — reading them with
// diagnostics, writing them back (`bank import`, `bank export`), and `AuthoredQuestion`, the value
// both formats read into. It knows nothing of procedures or the generator: a bank is a file format,
// usable on its own. Imports SourceText (diagnostics, lines) and Determinism (stable ids).
