// Questions: what a learner is asked — the generator that turns a procedure and a seed into a
// scenario question, the catalog of items (generated and authored) a drill or exam draws from,
// judging a response against a question, and exporting questions as a bank. Built on
// CodingContent (procedures, the library), QuestionBanks (authored questions) and Determinism
// (the seeded generator that makes (item, seed) reproduce a question exactly).
