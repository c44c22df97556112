import CodingContent
import Foundation
import Testing

@testable import Questions

/// One property per class of defect the CPC instructor's review (seed 58213) found, over every item
/// of each test library and several seeds: contradictory notes, keys that contradict their
/// rationales, distractors nobody falls for, rationales that do not teach.
@Suite struct ReviewDefectPropertyTests {
    static let seeds: [UInt64] = Array(1...UInt64(min(PropertySeeds.count, 12)))
    /// The kinds that fill up to four options from the family and neighbours. (`vignette`, `contrast`,
    /// `pcs` and `diagnosis` still show fewer when a small library has no more plausible options.)
    static let optionKinds: Set<QuestionKind> = [.codeSet, .modifier, .bundling]

    /// Every generated question of each library for each seed, with its procedure.
    static func questions(_ named: NamedLibrary) throws -> [(Question, Procedure)] {
        let generator = QuestionGenerator(library: named.library)
        let byPrefix = Dictionary(named.library.procedures.map { ($0.itemPrefix, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [(Question, Procedure)] = []
        for item in generator.items {
            let procedure = try #require(byPrefix[String(item.id.prefix { $0 != "/" })])
            for seed in seeds { result.append((try generator.generate(item: item, seed: seed), procedure)) }
        }
        return result
    }

    /// The line of `stem` that starts with `heading` (without the heading).
    static func line(_ heading: String, of stem: String) -> String? {
        stem.components(separatedBy: "\n").first { $0.hasPrefix(heading) }.map { String($0.dropFirst(heading.count)) }
    }

    @Test(arguments: TestLibraries.all)
    func theAnesthesiaFitsTheSettingTheReportNames(_ named: NamedLibrary) throws {
        let lines = Dictionary(
            grouping: AnesthesiaType.allCases.flatMap { kind in
                CareSetting.allCases.map { (Wording.sentence(kind.reportLine(in: $0)), kind) }
            }, by: \.0
        ).mapValues { Set($0.map(\.1)) }
        var checked = 0
        // Service notes name no ANESTHESIA line (an anesthesia record has ANESTHESIA TYPE; ServicePropertyTests).
        for (q, _) in try Self.questions(named) where !q.stem.hasPrefix("ANESTHESIA RECORD") && q.stem.hasPrefix("PREOPERATIVE DIAGNOSIS") {
            guard let anesthesia = Self.line("ANESTHESIA: ", of: q.stem), let kinds = lines[anesthesia] else {
                Issue.record("\(q.id): unknown ANESTHESIA line")
                continue
            }
            let setting: CareSetting
            if q.stem.contains("in the office procedure room") {
                setting = .office
            } else if q.stem.contains("in the emergency department") {
                setting = .emergencyDepartment
            } else if q.stem.contains("to the endoscopy suite") {
                setting = .endoscopySuite
            } else {
                setting = .outpatientSurgery
            }
            #expect(kinds.contains { $0.fits(setting) }, "\(q.id): \(anesthesia) in \(setting.rawValue)")
            if setting == .emergencyDepartment { #expect(!anesthesia.contains("endoscopist"), "\(q.id)") }
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test(arguments: TestLibraries.all)
    func aReducedServiceTwistReplacesItsStepAndNothingLaterContradictsIt(_ named: NamedLibrary) throws {
        var checked = 0
        for (q, p) in try Self.questions(named) where q.kind == .modifier {
            guard let use = p.modifiers.first(where: { $0.modifier == q.answer.text }), let note = use.note,
                ["52", "53", "73", "74"].contains(use.modifier)
            else { continue }
            let description = Self.line("DESCRIPTION OF PROCEDURE: ", of: q.stem) ?? ""
            #expect(description.contains(Wording.sentence(note)), "\(q.id): the twist is not told")
            let step = try #require(use.replacesStep, "\(q.id): a reduced-service twist names no step")
            // Neither the replaced step nor a later step (other than a key step still done when only
            // reduced, and the closing step) is told.
            for (k, s) in p.steps.enumerated() where k + 1 >= step && k != p.steps.count - 1 {
                if k + 1 > step, s.isKey, use.modifier == "52" { continue }
                #expect(!description.contains(String(s.text.dropFirst().dropLast())), "\(q.id): step \(k + 1) contradicts the twist")
            }
            checked += 1
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func aReportHeaderIsNeverBilateralForANarrativeOfOneSide(_ named: NamedLibrary) throws {
        // Procedures reported by side (RT/LT); a bilateral salpingo-oophorectomy or tonsillectomy is
        // one procedure on paired organs and says so.
        for (q, p) in try Self.questions(named) where p.modifiers.contains(where: { $0.modifier == "RT" || $0.modifier == "LT" }) {
            for heading in ["PREOPERATIVE DIAGNOSIS: ", "POSTOPERATIVE DIAGNOSIS: ", "PROCEDURE: "] {
                let text = (Self.line(heading, of: q.stem) ?? "").lowercased()
                #expect(!text.contains("bilateral") && !text.contains("both sides"), "\(q.id): \(heading)\(text)")
            }
            #expect(!q.options.contains { $0.correct && $0.text.contains("-50") }, "\(q.id): a bilateral key")
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyChoiceQuestionHasFourDistinctOptions(_ named: NamedLibrary) throws {
        // A service family of two codes (a hip and a knee anesthesia code) may offer fewer code sets.
        for (q, p) in try Self.questions(named) where Self.optionKinds.contains(q.kind) && p.layout == .operative {
            #expect(q.options.count == 4, "\(q.id): \(q.options.count) options")
            #expect(Set(q.options.map(\.text)).count == q.options.count, "\(q.id): two options alike")
        }
    }

    @Test(arguments: TestLibraries.all)
    func diagnosisDistractorsShareTheKeysCategoryOrSite(_ named: NamedLibrary) throws {
        var sections: [String: Set<String>] = [:]
        for p in named.library.procedures {
            for d in p.diagnoses { sections[ICD10.dotted(d.code), default: []].insert(p.section.joined(separator: "/")) }
        }
        let pool = Set(sections.keys)
        for (q, p) in try Self.questions(named) where q.kind == .diagnosis {
            let site = p.section.joined(separator: "/")
            func plausible(_ code: String) -> Bool {
                let sameCategory = code.prefix(3) == q.answer.text.prefix(3)
                let sameSite = sections[code, default: []].contains(site)
                return "MS".contains(q.answer.text.first!) ? sameCategory && sameSite : sameCategory || sameSite
            }
            // Another site's code only fills up when the library has fewer than three plausible ones.
            guard pool.filter({ $0 != q.answer.text && plausible($0) }).count >= 3 else { continue }
            for option in q.options where !option.correct {
                #expect(plausible(option.text), "\(q.id): \(option.text) for \(q.answer.text)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func aBundlingKeyHoldsEveryCodeItsRationaleReportsAndOnlyWhatTheNoteDocuments(_ named: NamedLibrary) throws {
        for (q, p) in try Self.questions(named) where q.kind == .bundling {
            let key = Set(q.answer.text.components(separatedBy: ", "))
            #expect(key.contains(p.code), "\(q.id)")
            for addition in p.additions {
                let reported = addition.code + (addition.modifier.map { "-" + $0 } ?? "")
                let documented = addition.note.map { q.stem.contains(Wording.sentence($0)) } ?? false
                #expect(
                    key.contains(reported) == documented, "\(q.id): \(reported) keyed \(key.contains(reported)), documented \(documented)")
                if q.rationale.contains("Also report \(reported)") { #expect(key.contains(reported), "\(q.id)") }
            }
            if !p.additions.filter({ $0.note != nil }).isEmpty, key.count == 1 {
                #expect(!q.stem.contains("\nFINDINGS: "), "\(q.id): FINDINGS told without the service they may document")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func noRationaleIsABareReportLine(_ named: NamedLibrary) throws {
        let bare = try Regex(#"^Report [^.]*\.$"#)
        for (q, _) in try Self.questions(named) {
            #expect(q.rationale.trimmingCharacters(in: .whitespaces).wholeMatch(of: bare) == nil, "\(q.id): \(q.rationale)")
            #expect(!q.rationale.contains("code shown"), "\(q.id): refers to material not shown")
            for option in q.options where !option.rationale.isEmpty {
                #expect(option.rationale.wholeMatch(of: bare) == nil, "\(q.id) \(option.label)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func pcsRationalesWalkTheCharactersAndPcsItemsNeedOneCode(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
        let byPrefix = Dictionary(named.library.procedures.map { ($0.itemPrefix, $0) }, uniquingKeysWith: { first, _ in first })
        for item in generator.items where item.kind == .pcs {
            #expect(
                byPrefix[String(item.id.prefix { $0 != "/" })]?.pcsComplete == true, "\(item.id): its case needs several ICD-10-PCS codes")
            #expect(!item.tags.contains { $0.lowercased() == "cpc" }, "\(item.id)")
            let q = try generator.generate(item: item, seed: 3)
            if q.answer.text.hasPrefix("0") { #expect(q.rationale.contains("Walk the characters: 0 Medical and Surgical"), "\(q.id)") }
            for option in q.options where !option.correct {
                #expect(option.rationale.contains("It differs from the right code in the"), "\(q.id) \(option.label)")
            }
        }
    }

    @Test func aStentIsDilationInThePcsWalk() {
        let walk = PCSWalk.walk("0T768DZ", side: .right)
        #expect(walk.contains("7 root operation Dilation"))
        #expect(walk.contains("not Insertion"))
        #expect(walk.contains("8 approach Via Natural or Artificial Opening Endoscopic"))
        #expect(walk.contains("D device Intraluminal Device"))
        #expect(PCSWalk.walk("0TBB8ZX", side: nil).hasSuffix("X qualifier Diagnostic: the tissue was taken for examination only."))
        #expect(PCSWalk.difference("0T778DZ", from: "0T768DZ") == " It differs from the right code in the body part (character 4).")
    }

    @Test func anesthesiaFitsOnlyTheSettingsWhereItIsGiven() {
        #expect(!AnesthesiaType.general.fits(.office))
        #expect(AnesthesiaType.topical.fits(.office))
        #expect(AnesthesiaType.moderateSedation.fits(.emergencyDepartment))
        #expect(!AnesthesiaType.general.fits(.endoscopySuite))
        #expect(
            AnesthesiaType.moderateSedation.reportLine(in: .emergencyDepartment)
                == "Procedural sedation administered by the emergency physician")
    }
}
