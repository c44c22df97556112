// Determinism: what must give the same bytes on every machine, in every process and every Swift
// version — the seeded random generator (`SplitMix64`), the stable hash (`Fingerprint`, FNV-1a),
// ISO 8601 date-times and the JSON encoder setup (`CodedrillJSON`). A question is reproduced from
// (item, seed), a review's fuzz from (item, reps), an export byte for byte; all of that rests on
// this module, so it is a leaf: it imports nothing of the project's, and everything else imports it
// instead of writing its own. (FSRS keeps a private copy of its generator so that it imports nothing.)
