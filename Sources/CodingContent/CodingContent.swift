// CodingContent: the library an instructor writes — the content format (one procedure per Markdown
// file with YAML front matter) and its lint, the official ICD-10-CM/PCS tables codes are checked
// against, exam blueprints, and loading a library directory (content, question banks, blueprints)
// into memory. It imports QuestionBanks because a library holds a bank: loading reads both, and
// banks never need content (the cleaner direction of the two). Generating questions from all this
// is the Questions module's job.
