import CodingContent
import Foundation
import Testing

@testable import Questions

/// A diagnosis' authored `traps` are the wrong codes its questions offer first, with what the note
/// would have to say for each (instructor reviews 38266, 15802 and 64437 rated the filler siblings
/// that stood in for them: Z43.2, an ileostomy, beside a colostomy closure).
@Suite struct DiagnosisTrapTests {
    static let generator = TestLibraries.shipped!.shared.generator

    @Test func aDiagnosisQuestionOffersTheAuthorsTrapsWithTheirConditionInTheRationale() throws {
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "cpt:44626/diagnosis", seed: seed)
            #expect(q.answer.text == "Z43.3")
            let status = try #require(q.options.first { $0.text == "Z93.3" }, "\(q.id): \(q.options.map(\.text))")
            #expect(
                status.rationale
                    == "Z93.3 (Colostomy status) would be coded only if the colostomy were only a status in a note about some other problem, not the reason for the operation."
            )
            #expect(q.options.contains { $0.text == "K57.32" }, "\(q.id): \(q.options.map(\.text))")
            // The first trap is the one every learner reads in the question's rationale.
            #expect(
                q.rationale.hasSuffix(
                    "The nearest wrong code: Z93.3 would be coded only if the colostomy were only a status in a note about some other problem, not the reason for the operation."
                ), "\(q.rationale)")
        }
    }

    /// A file with a diagnosis of three authored traps asks its `diagnosis` question only of such
    /// diagnoses: an official sibling filling the third option was the throwaway instructors named
    /// (R10.33 beside epigastric pain, F41.1 beside PTSD: instructor review 61979).
    @Test func aDiagnosisQuestionAsksADiagnosisWithTheMostAuthoredTraps() throws {
        let library = try #require(TestLibraries.shipped).library
        let byPath = Dictionary(library.procedures.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // A trap that is the same injury at a later encounter (T22.211D for T22.211A) is never offered.
        func score(_ d: Diagnosis) -> Int {
            let offered = d.traps.filter { !DiagnosisDistractors.isLaterEncounter($0.normalizedCode, of: d.normalizedCode) }
            return min(3, offered.count + (d.also.isEmpty ? 0 : 1))
        }
        var checked = 0
        var filesWithThree = 0
        for item in Self.generator.items where item.kind == .diagnosis {
            let p = try #require(byPath[item.path])
            // The diagnoses a question can ask: with three wrong codes that test a decision.
            let entry = Self.generator.index[try #require(Self.generator.index.byCode[item.code])]
            let best = entry.codableDiagnoses.map { score(p.diagnoses[$0]) }.max() ?? 0
            guard best == 3 else { continue }
            filesWithThree += 1
            for seed: UInt64 in 1...4 {
                let q = try Self.generator.generate(item: item, seed: seed)
                let first = String(q.answer.text.prefix { $0 != "," })
                let asked = p.diagnoses.filter { ICD10.dotted($0.normalizedCode) == first && $0.side != .bilateral }
                #expect(!asked.isEmpty, "\(q.id): \(first)")
                #expect(asked.contains { score($0) == 3 }, "\(q.id): \(first) has fewer than three authored traps")
                // Two or more wrong options are authored traps of the asked diagnosis (or the key with
                // its further code left out); an injury's trap of another encounter (T22.211D) gives
                // way to the unspecified site or side.
                let traps = Set(asked.flatMap { $0.traps.map { ICD10.dotted(ICD10.normalize($0.code)) } })
                let wrong = q.options.filter { !$0.correct }.map { String($0.text.prefix { $0 != "," }) }
                #expect(wrong.count == 3, "\(q.id)")
                #expect(wrong.filter { traps.contains($0) || $0 == first }.count >= 2, "\(q.id): \(wrong) beside traps \(traps.sorted())")
                checked += 1
            }
        }
        #expect(filesWithThree >= 140, "\(filesWithThree)")
        #expect(checked == filesWithThree * 4)
    }

    @Test func aCodeSetsWrongDiagnosisIsTheFirstTrap() throws {
        var seen = 0
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "cpt:44626/code-set", seed: seed)
            #expect(q.answer.text == "44626, Z43.3")
            let diagnoses = Set(q.options.compactMap { $0.text.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) })
            if diagnoses.contains("Z93.3") { seen += 1 }
            #expect(diagnoses.isSubset(of: ["Z43.3", "Z93.3"]), "\(q.id): \(q.options.map(\.text))")
        }
        #expect(seen >= 3)
    }

    @Test func everyDiagnosisQuestionWithAuthoredTrapsOffersTheFirstOneTheOptionsLeaveRoomFor() throws {
        // Over the shipped library: where the keyed diagnosis lists traps, the
        // question offers its first trap the patient can have (unless it is the other side, which the
        // laterality option covers), and a trap is never keyed.
        let library = try #require(TestLibraries.shipped).library
        var checked = 0
        for item in Self.generator.items where item.kind == .diagnosis {
            let code = String(item.id.split(separator: "/")[0].split(separator: ":")[1])
            guard let procedure = library.procedures.first(where: { $0.code == code }) else { continue }
            do {
                let q = try Self.generator.generate(item: item, seed: 1)
                let first = String(q.answer.text.split(separator: ",")[0])
                // A code without laterality written once per side (M65.4 in 25000) has each side's own
                // first trap: the scenario's side decides which, so either may be the one offered.
                let firsts = procedure.diagnoses.filter { ICD10.dotted($0.normalizedCode) == first }.compactMap { d in
                    d.traps.first(where: { PatientPlausibility.allows($0.normalizedCode, for: procedure.patient) })
                }
                guard !firsts.isEmpty else { continue }
                checked += 1
                let dotted = ICD10.dotted(firsts[0].normalizedCode)
                for trap in firsts {
                    #expect(!q.answer.text.contains(ICD10.dotted(trap.normalizedCode)), "\(q.id) keys its trap \(trap.code)")
                }
                let offered = firsts.contains { trap in q.options.contains { $0.text.hasPrefix(ICD10.dotted(trap.normalizedCode)) } }
                // The laterality option: the other side, or the unspecified side that takes its place.
                let otherSide = q.options.contains {
                    $0.text.hasPrefix(dotted) == false
                        && ($0.rationale.contains("other side") || $0.rationale.contains("leaves the side unspecified"))
                }
                #expect(offered || otherSide, "\(q.id) leaves out \(dotted): \(q.options.map(\.text))")
            }
        }
        #expect(checked >= 100)
    }

    /// A Z code is itself the reason for the encounter: 77066's surveillance mammogram keys Z08 and
    /// Z85.3, and its rationale no longer says to code "the impression, not the reason for the exam"
    /// (instructor review 93109).
    @Test func aZCodeKeyIsNotToldToCodeTheImpressionInsteadOfTheReason() throws {
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "cpt:77066/diagnosis", seed: seed)
            let key = try #require(q.options.first { $0.correct })
            #expect(key.text == "Z08, Z85.3")
            #expect(!key.rationale.contains("not the reason for the exam"), "\(key.rationale)")
        }
    }
}
