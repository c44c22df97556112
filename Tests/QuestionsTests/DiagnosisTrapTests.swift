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
}
