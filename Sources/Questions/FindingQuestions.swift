import CodingContent
import Determinism
import Foundation
import QuestionBanks

/// The kind whose options are findings: `contrast`, asked only between alternatives (`instead`).
extension QuestionGenerator {
    func contrast(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let id = rng.element(of: e.askableClauses)
        let k = e.clauses.firstIndex(of: id)!
        var plan = scenario(e, &rng)
        // Findings could say what the answer says; the report keeps to the steps that do not.
        plan.findings = false
        plan.findingsAreOptions = true
        let stem = reportStem(e, plan, narration: e.contrastPlans[k], question: c.contrastQuestions[k], &rng)
        let prepared = c.contrasts[k]
        var right = prepared.right
        // The stem keeps to the steps that do not say what the answer says, so the step behind the
        // file's `here` may be left out of it: the rationale then says nothing in the note shows
        // the answer's finding rather than quote what the note does not say (instructor review
        // 41877: 55840's "This note shows instead: The pelvic lymph nodes were left in place" on a
        // note without its lymph-node step).
        if let unsaid = c.contrastUnsaid[k], !Self.stem(stem, says: c.contrastQuoteWords[k]) { right.rationale = unsaid }
        var choices = [right]
        // The nearest wrong finding (the most words shared with the key's, `contrastFindings`) is
        // always offered: the closed reduction beside closed care without one (25605 beside 25600),
        // not three open fixations that leave the key the only closed treatment (instructor review
        // 15802: 25607 → 25600, 27502 → 27500).
        pick(3, must: prepared.wrong.prefix(1), ranked: prepared.wrong.dropFirst(), into: &choices, &rng)
        Self.balanceLengths(&choices, wrong: prepared.wrong)
        return Draft(stem: stem, choices: choices, rationale: right.rationale)
    }

    /// The content words of a quote (three letters or more, not a stop word, lower-cased, a plural's
    /// "s" dropped), made once per procedure for `stem(_:says:)`.
    static func quoteWords(_ quote: String) -> [String] {
        var words: [String] = []
        for word in quote.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
            let text = String(word)
            guard !Wording.stopWords.contains(text) else { continue }
            let stem = text.count > 3 && text.hasSuffix("s") && !text.hasSuffix("ss") ? String(text.dropLast()) : text
            if !words.contains(stem) { words.append(stem) }
        }
        return words
    }

    /// Whether `stem` says what a quote with content words `wanted` (`quoteWords`) says: at least
    /// three in five of them begin words of it ("pedicle" in "pedicles"; the stem's
    /// bytes are searched as they are, so a word written only capitalised at a sentence's start is
    /// missed). "The pelvic lymph nodes were left in place" is not said by a prostatectomy note whose
    /// lymph-node step was left out; "Every pedicle was clamped and tied from below through the
    /// vaginal incision" is by a vaginal hysterectomy's. A paraphrase below the bar ("The joint
    /// replaced was the hip" beside "total hip arthroplasty") is told as "Nothing in this note
    /// documents that", which is still true. Searching the bytes, not a word set of the stem: a set
    /// per contrast question (with the rationale rewritten per question) held the generator
    /// benchmark at 35k questions/s, 74–87k with the byte search (the same runs gave 9b15be92 113–124k).
    static func stem(_ stem: String, says wanted: [String]) -> Bool {
        guard !wanted.isEmpty else { return true }
        return wanted.count { Wording.bytesContain(stem, $0, atWordStart: true) } * 5 >= wanted.count * 3
    }

    /// When the key stands out by its length (`OptionLengths.keyStandsOut`: 33262's "the patient has
    /// no defibrillator yet, and a transvenous shocking lead and a generator are both implanted for
    /// the first time" beside three short ones), the shortest drawn wrong finding after the lead gives
    /// way to the longest one not drawn, when that is longer. 17 of the shipped library's contrast
    /// questions at seed 7 had the cue; the lead, the nearest alternative, always stays.
    static func balanceLengths(_ choices: inout [Choice], wrong: [Choice]) {
        guard choices.count >= 3 else { return }
        let key = choices[0].text.count
        let drawn = choices.dropFirst(2)
        guard let longest = choices.dropFirst().map(\.text.count).max(),
            OptionLengths.keyStandsOut(key: key, longestWrong: longest),
            let shortest = drawn.indices.min(by: { choices[$0].text.count < choices[$1].text.count }),
            let longer = wrong.filter({ w in !choices.contains { $0.text == w.text } }).max(by: { $0.text.count < $1.text.count }),
            longer.text.count > choices[shortest].text.count
        else { return }
        choices[shortest] = longer
    }
}
