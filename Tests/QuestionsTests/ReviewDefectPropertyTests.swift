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
    static func questions(_ named: NamedLibrary) async throws -> [(Question, Procedure)] {
        let generator = await named.questions()
        let byPrefix = Dictionary(named.library.procedures.map { ($0.itemPrefix, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [(Question, Procedure)] = []
        // `em-level` stems are visit notes, not procedure reports (EMLevelQuestionTests checks them).
        for item in generator.items where item.kind != .emLevel {
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
    func theAnesthesiaFitsTheSettingTheReportNames(_ named: NamedLibrary) async throws {
        let lines = Dictionary(
            grouping: AnesthesiaType.allCases.flatMap { kind in
                CareSetting.allCases.map { (Wording.sentence(kind.reportLine(in: $0)), kind) }
            }, by: \.0
        ).mapValues { Set($0.map(\.1)) }
        var checked = 0
        // Service notes name no ANESTHESIA line (an anesthesia record has ANESTHESIA TYPE; ServicePropertyTests).
        for (q, _) in try await Self.questions(named)
        where !q.stem.hasPrefix("ANESTHESIA RECORD") && q.stem.hasPrefix("PREOPERATIVE DIAGNOSIS") {
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
            } else if q.stem.contains("on the labor and delivery unit") {
                setting = .laborAndDelivery
            } else if q.stem.contains("seen at the bedside") {
                setting = .bedside
            } else if q.stem.contains("to the interventional radiology suite") {
                setting = .interventionalSuite
            } else if q.stem.contains("to the cardiac catheterization laboratory") {
                setting = .cathLab
            } else if q.stem.contains("in the imaging department") {
                setting = .imagingDepartment
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
    func aReportOpensWhereTheFileSaysTheWorkIsDone(_ named: NamedLibrary) async throws {
        // A delivery is on the labor and delivery unit, a thoracentesis at the bedside, a pacemaker in
        // the catheterization laboratory: none is "brought to the operating room".
        let places: [CareSetting: String] = [
            .laborAndDelivery: "on the labor and delivery unit", .bedside: "seen at the bedside",
            .interventionalSuite: "to the interventional radiology suite", .cathLab: "to the cardiac catheterization laboratory",
        ]
        var checked = 0
        for (q, p) in try await Self.questions(named) {
            // Operative reports only: a service document (an anesthesia record) has no DESCRIPTION line.
            guard let first = p.settings.first, let place = places[first], q.kind != .diagnosisSequence, p.layout == .operative
            else { continue }
            let description = Self.line("DESCRIPTION OF PROCEDURE: ", of: q.stem) ?? ""
            #expect(description.contains(place), "\(q.id): \(description.prefix(120))")
            #expect(!description.contains("operating room"), "\(q.id): an operating room")
            checked += 1
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func aCodingTaskNeverCallsTheProcedureCodesCompleteBesideTheProceduralistsSedation(_ named: NamedLibrary) async throws {
        // Moderate sedation supervised by the physician doing the procedure is a code of its own
        // (99152, +99153): a rationale that says "nothing else is reported" beside it teaches a false rule.
        for (q, _) in try await Self.questions(named) where q.kind == .codeSet || q.kind == .bundling {
            let anesthesia = Self.line("ANESTHESIA: ", of: q.stem) ?? ""
            let own = anesthesia.hasPrefix("Moderate sedation administered under")
            if own {
                #expect(q.rationale.contains("99152"), "\(q.id): the sedation code is not named")
                #expect(!q.rationale.contains("Nothing else is reported") && !q.rationale.contains("the complete code set"), "\(q.id)")
            } else {
                #expect(!q.rationale.contains("99152"), "\(q.id): sedation named without sedation in the report")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func noCodeSetOptionNamesOneCodeTwiceAndBundlingKeysCarryTheSide(_ named: NamedLibrary) async throws {
        for (q, p) in try await Self.questions(named) where q.kind == .codeSet || q.kind == .bundling {
            for option in q.options {
                let codes = option.text.components(separatedBy: ", ").map { $0.prefix { $0 != "-" } }
                #expect(Set(codes).count == codes.count, "\(q.id): \(option.text)")
            }
            // The main code carries the side modifier in both kinds ("64612-RT").
            if q.kind == .bundling, p.modifiers.contains(where: { $0.modifier == "RT" }) {
                let key = try #require(q.options.first { $0.correct }).text
                #expect(key.hasPrefix(p.code + "-RT") || key.hasPrefix(p.code + "-LT"), "\(q.id): \(key)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func anAdditionalServiceIsToldBeforeTheClosingStep(_ named: NamedLibrary) async throws {
        var checked = 0
        for (q, p) in try await Self.questions(named) where q.kind == .bundling {
            let description = Self.line("DESCRIPTION OF PROCEDURE: ", of: q.stem) ?? ""
            guard let note = p.additions.compactMap(\.note).map(Wording.sentence).first(where: { description.contains($0) }) else {
                continue
            }
            // The closing step (matched without its first letter, which a connective lowers) comes after the note.
            let closing = try #require(p.steps.last).text
            guard let range = description.range(of: String(closing.dropFirst().dropLast())) else { continue }
            #expect(description.range(of: note)!.lowerBound < range.lowerBound, "\(q.id): the other service follows the closing step")
            checked += 1
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func aReducedServiceTwistReplacesItsStepAndNothingLaterContradictsIt(_ named: NamedLibrary) async throws {
        var checked = 0
        for (q, p) in try await Self.questions(named) where q.kind == .modifier {
            guard let use = p.modifiers.first(where: { $0.modifier == q.answer.text }), let note = use.note,
                ["52", "53", "73", "74"].contains(use.modifier)
            else { continue }
            let description = Self.line("DESCRIPTION OF PROCEDURE: ", of: q.stem) ?? ""
            #expect(description.contains(Wording.sentence(note)), "\(q.id): the twist is not told")
            let step = try #require(use.replacesStep, "\(q.id): a reduced-service twist names no step")
            // Neither the replaced step nor a later step (other than a key step still done when only
            // reduced, and the closing steps: the last, and the one before it when it withdraws or
            // closes) is told.
            let closing = p.steps.count - 1
            for (k, s) in p.steps.enumerated()
            where k + 1 >= step && k != closing && !(k == closing - 1 && NarrationPlan.closes(s.text)) {
                if k + 1 > step, s.isKey, use.modifier == "52" { continue }
                #expect(!description.contains(String(s.text.dropFirst().dropLast())), "\(q.id): step \(k + 1) contradicts the twist")
            }
            checked += 1
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func aReportHeaderIsNeverBilateralForANarrativeOfOneSide(_ named: NamedLibrary) async throws {
        // Procedures reported by side (RT/LT); a bilateral salpingo-oophorectomy or tonsillectomy is
        // one procedure on paired organs and says so.
        for (q, p) in try await Self.questions(named) where p.modifiers.contains(where: { $0.modifier == "RT" || $0.modifier == "LT" }) {
            for heading in ["PREOPERATIVE DIAGNOSIS: ", "POSTOPERATIVE DIAGNOSIS: ", "PROCEDURE: "] {
                let text = (Self.line(heading, of: q.stem) ?? "").lowercased()
                #expect(!text.contains("bilateral") && !text.contains("both sides"), "\(q.id): \(heading)\(text)")
            }
            #expect(!q.options.contains { $0.correct && $0.text.contains("-50") }, "\(q.id): a bilateral key")
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyChoiceQuestionHasFourDistinctOptions(_ named: NamedLibrary) async throws {
        // A code set is offered only when four can be made (`KindAvailability.codeSetHasFourOptions`),
        // whatever the layout; bundling and modifier items of services may still offer fewer.
        for (q, p) in try await Self.questions(named)
        where Self.optionKinds.contains(q.kind) && (p.layout == .operative || q.kind == .codeSet) {
            #expect(q.options.count == 4, "\(q.id): \(q.options.count) options")
            #expect(Set(q.options.map(\.text)).count == q.options.count, "\(q.id): two options alike")
        }
    }

    @Test(arguments: TestLibraries.all)
    func aFurtherDiagnosisCodeIsNeverTheFirstListedDiagnosisOfAnOption(_ named: NamedLibrary) async throws {
        // An `also` code (R65.21 after a sepsis code, B95.61 after the infection) is a secondary code.
        let first = Set(named.library.procedures.flatMap { $0.diagnoses.map { ICD10.dotted($0.code) } })
        let secondary = Set(named.library.procedures.flatMap { $0.diagnoses.flatMap { $0.also.map { ICD10.dotted($0.code) } } })
            .subtracting(first)
        var checked = 0
        for (q, p) in try await Self.questions(named) where q.kind == .diagnosis || q.kind == .codeSet {
            // An author's trap is offered on purpose (C77.1, nodes holding metastatic carcinoma, beside a
            // sarcoidosis key): its rationale says when it would be the code.
            let traps = Set(p.diagnoses.flatMap { $0.traps.map { ICD10.dotted($0.code) } })
            // The key's own codes out of the order its file explains (`order`) are offered on purpose
            // too, and say so.
            for option in q.options where !option.rationale.hasPrefix("These are the right codes in the wrong order: ") {
                let codes = option.text.components(separatedBy: ", ").filter { $0.contains(".") || $0.count == 3 }
                guard let lead = codes.first, !traps.contains(lead) else { continue }
                #expect(!secondary.contains(lead), "\(q.id): \(option.text) lists the secondary code \(lead) first")
                checked += 1
            }
        }
        if named.name == "shipped" { #expect(checked > 0 && !secondary.isEmpty) }
    }

    @Test(arguments: TestLibraries.all)
    func aBundlingReasonSpeaksOfTheOptionsOwnMainCode(_ named: NamedLibrary) async throws {
        // "Code: 80053 … Bundling: 82248 should not be added: … included in 80076" would tell a
        // student something about a code the option does not report.
        var checked = 0
        for (q, _) in try await Self.questions(named) where q.kind == .codeSet || q.kind == .bundling {
            for option in q.options where !option.correct && option.rationale.contains("Bundling: ") {
                let main = option.text.components(separatedBy: ", ")[0].prefix { $0 != "-" && $0 != " " }
                var reason = option.rationale.components(separatedBy: "Bundling: ")[1]
                for label in [" Code: ", " Modifier: ", " Physical status: ", " Additional service: ", " Units: ", " Diagnosis: "] {
                    reason = reason.components(separatedBy: label)[0]
                }
                #expect(reason.contains(main), "\(q.id): \(option.text): \(reason)")
                checked += 1
            }
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func diagnosisDistractorsShareTheKeysCategoryFileOrChapterAtTheSameSite(_ named: NamedLibrary) async throws {
        // The reference data names no blocks: a code of another category is plausible only when the
        // key's own file lists it (a related condition of this site) or a family member or alternative
        // lists it in the key's chapter (the same site, the nearest thing to the same block).
        // An added service's own diagnosis (`in_addition.diagnosis`) is one of the file's codes too.
        func codes(_ p: Procedure) -> Set<String> {
            Set(p.diagnoses.flatMap { [ICD10.dotted($0.code)] + $0.also.map { ICD10.dotted($0.code) } })
                .union(p.additions.flatMap { $0.diagnoses.map { ICD10.dotted($0.code) } })
        }
        /// The codes of a procedure's family members and alternatives (either way), once per procedure.
        var siteCodesByPath: [String: Set<String>] = [:]
        func siteCodes(of p: Procedure) -> Set<String> {
            if let known = siteCodesByPath[p.path] { return known }
            let neighbours = named.library.procedures.filter { other in
                other.code != p.code
                    && ((p.family != nil && other.family == p.family) || p.contrasts.contains { $0.code == other.code }
                        || other.contrasts.contains { $0.code == p.code })
            }
            let found = neighbours.reduce(into: Set<String>()) { $0.formUnion(codes($1)) }
            siteCodesByPath[p.path] = found
            return found
        }
        var checked = 0
        for (q, p) in try await Self.questions(named) where q.kind == .diagnosis || q.kind == .codeSet {
            // The file's own traps (`diagnoses[].traps`) are its codes too: the author chose them for this case.
            let ownCodes = codes(p).union(p.diagnoses.flatMap { $0.traps.map { ICD10.dotted($0.code) } })
            let siteCodes = siteCodes(of: p)
            let key = q.answer.text.components(separatedBy: ", ").filter { $0.contains(".") || ownCodes.contains($0) }
            guard let first = key.first else { continue }
            for option in q.options where !option.correct {
                for code in option.text.components(separatedBy: ", ") where ownCodes.contains(code) || siteCodes.contains(code) {
                    // In chapters M and S the category is the site: only the same category there.
                    let plausible =
                        ownCodes.contains(code) || code.prefix(3) == first.prefix(3)
                        || (siteCodes.contains(code) && code.prefix(1) == first.prefix(1) && !"MS".contains(first.first!))
                    #expect(plausible, "\(q.id): \(code) for \(first)")
                    checked += 1
                }
                // Every diagnosis code offered is one of this site's, or a sibling of the key's
                // category that another file lists (a category short of two wrong codes is filled).
                for code in option.text.components(separatedBy: ", ") where code.contains(".") || code.count <= 4 && code.first!.isLetter {
                    #expect(
                        ownCodes.contains(code) || siteCodes.contains(code) || key.contains { $0.prefix(3) == code.prefix(3) },
                        "\(q.id): \(code) is not a code of this site")
                }
            }
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    @Test(arguments: TestLibraries.all)
    func aBundlingKeyHoldsEveryCodeItsRationaleReportsAndOnlyWhatTheNoteDocuments(_ named: NamedLibrary) async throws {
        for (q, p) in try await Self.questions(named) where q.kind == .bundling {
            // A sided additional code carries the scenario's side like the main code (31267-LT).
            let key = Set(
                q.answer.text.components(separatedBy: ", ").map { element in
                    ["-RT", "-LT", "-50"].first(where: element.hasSuffix).map { String(element.dropLast($0.count)) } ?? element
                })
            // The main code comes first, with the scenario's side modifier when it is sided.
            #expect(q.answer.text.components(separatedBy: ", ")[0].prefix { $0 != "-" } == p.code, "\(q.id)")
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
    func noRationaleIsABareReportLine(_ named: NamedLibrary) async throws {
        let bare = try Regex(#"^Report [^.]*\.$"#)
        for (q, _) in try await Self.questions(named) {
            #expect(q.rationale.trimmingCharacters(in: .whitespaces).wholeMatch(of: bare) == nil, "\(q.id): \(q.rationale)")
            #expect(!q.rationale.contains("code shown"), "\(q.id): refers to material not shown")
            for option in q.options where !option.rationale.isEmpty {
                #expect(option.rationale.wholeMatch(of: bare) == nil, "\(q.id) \(option.label)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func pcsRationalesWalkTheCharactersAndPcsItemsNeedOneCode(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
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
            // A PCS code is read from its own characters, never labelled with a CPT code or title.
            for text in [q.rationale] + q.options.map(\.rationale) {
                #expect(text.firstMatch(of: /\b\d{5}\b/) == nil, "\(q.id): \(text)")
            }
        }
    }

    @Test func aStentIsDilationInThePcsWalk() {
        let walk = PCSWalk.walk("0T768DZ", side: .right)
        #expect(
            walk
                == "Walk the characters: 0 Medical and Surgical; T Urinary System; 7 root operation Dilation, widening the lumen of a tubular body part; a stent left to hold a ureter or duct open is Dilation with an intraluminal device, not Insertion; 6 body part Right Ureter (the side is part of this character); 8 approach Via Natural or Artificial Opening Endoscopic; D device Intraluminal Device; Z qualifier No Qualifier."
        )
        #expect(PCSWalk.walk("0TBB8ZX", side: nil).hasSuffix("X qualifier Diagnostic: the tissue was taken for examination only."))
        #expect(
            PCSWalk.difference("0T778DZ", from: "0T768DZ")
                == " It differs from the right code in the body part (character 4: 7 Left Ureter instead of 6 Right Ureter).")
    }

    @Test func pcsLabelsComeFromTheOfficialTableNotFromACPTFile() {
        // 52310's stent sits in the ureter: the body part is the official label of 0TP value 9, not
        // the bladder of the CPT file's title (the review found "0TP98DZ described as bladder").
        #expect(
            PCSWalk.describe("0TP98DZ")
                == "Removal, Ureter, with Intraluminal Device, Via Natural or Artificial Opening Endoscopic approach")
        #expect(PCSWalk.describe("0DBN8ZZ") == "Excision, Sigmoid Colon, Via Natural or Artificial Opening Endoscopic approach")
        #expect(
            PCSWalk.describe("0SRR019")
                == "Replacement, Right Hip Joint, Femoral Surface, with Metal Synthetic Substitute, Cemented, Open approach")
        #expect(PCSLabels.shipped.label(of: "0DB78ZX", position: 4) == "Stomach, Pylorus")
        #expect(PCSLabels.shipped.label(of: "0DB78ZX", position: 7) == "Diagnostic")
        // Distractors one character away exist in the official table.
        let variants = PCSWalk.variants(of: "0DBN8ZZ")
        #expect(Array(variants.prefix(4)) == ["0DTN8ZZ", "0DBN0ZZ", "0DBM8ZZ", "0DBN8ZX"])
        #expect(variants.allSatisfy { ICD10Tables.shipped.procedures[$0] != nil && $0 != "0DBN8ZZ" })
    }

    @Test func anesthesiaFitsOnlyTheSettingsWhereItIsGiven() {
        #expect(!AnesthesiaType.general.fits(.office))
        #expect(AnesthesiaType.topical.fits(.office))
        #expect(AnesthesiaType.moderateSedation.fits(.emergencyDepartment))
        // A splint in the emergency department needs none (review 15473 read sedation for one).
        #expect(AnesthesiaType.none.fits(.emergencyDepartment))
        #expect(!AnesthesiaType.general.fits(.emergencyDepartment))
        #expect(!AnesthesiaType.general.fits(.endoscopySuite))
        #expect(
            AnesthesiaType.moderateSedation.reportLine(in: .emergencyDepartment)
                == "Procedural sedation administered by the emergency physician")
    }
}

/// A diagnosis question whose key's order its file explains (`order`) offers the same codes out of
/// that order (instructor review 38867: J93.12's code-first note, "keep the reversed order as a
/// wrong option").
@Suite struct DiagnosisOrderOptionTests {
    @Test func theKeysCodesOutOfOrderAreAWrongOptionThatSaysWhy() throws {
        let generator = try #require(TestLibraries.all.first { $0.name == "shipped" }?.shared.generator)
        let q = try generator.generate(itemID: "cpt:32556/diagnosis", seed: 2)
        #expect(q.answer.text == "E84.0, J93.12")
        let swapped = try #require(q.options.first { $0.text == "J93.12, E84.0" })
        #expect(!swapped.correct)
        #expect(
            swapped.rationale
                == "These are the right codes in the wrong order: the Tabular List at J93.12 says to code first the underlying condition and names cystic fibrosis E84.- among them, so the cystic fibrosis lung disease E84.0 leads and the pneumothorax J93.12 follows."
        )
    }
}
