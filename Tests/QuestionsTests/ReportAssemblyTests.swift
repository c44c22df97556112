import CodingContent
import Foundation
import Testing

@testable import Questions

/// How a report is assembled (instructor review 72431): which steps every report tells (key, `told`,
/// access and closing steps) and where a modifier's or an additional service's `note` goes
/// (`after`, `step`, the defaults).
@Suite struct ReportAssemblyTests {
    /// A small colonoscopy file: step 2 gains access (not bold), step 3 is `told`, step 4 is the key
    /// step, step 6 withdraws the scope; 1 and 5 are the only steps a seed may leave out.
    static let text = """
        ---
        format: 2
        code: "45380"
        system: CPT
        title: Colonoscopy with forceps sampling
        section: Surgery/Digestive System/Intestines
        family: colonoscopy-test
        setting: endoscopy-suite
        anesthesia: monitored
        report:
          told: [3]
          procedure:
            - Colonoscopy with cold forceps biopsies
        in_addition:
          - code: "45385"
            type: together
            modifier: XS
            when: a different polyp is removed with a snare
            describe: colonoscopy with snare removal of a polyp
            note: A 9 mm polyp in the descending colon was removed with a snare and retrieved.
            after: 4
          - code: "45381"
            type: together
            when: the biopsied area is marked with ink
            describe: colonoscopy with submucosal injection
            note: The biopsied segment was marked with ink injected beneath the lining at two points, and the scope was withdrawn.
            step: 6
        included:
          - code: "45378"
            service: the diagnostic examination of the colon
            reason: endoscopy
            why: every surgical colonoscopy contains the diagnostic look at the whole colon
            step: 2
        modifiers:
          - modifier: "59"
            when: the biopsy is of a lesion other than one removed by snare in the same session
            note: A 9 mm polyp in the descending colon, away from the biopsied segment, was removed with a snare and retrieved.
            after: 4
        diagnoses:
          - code: K51.30
            text: ulcerative proctosigmoiditis
        tags: [cpc, digestive]
        ---

        ## Indications
        - Bloody diarrhea

        ## Steps
        1. The patient was placed in the left lateral position.
        2. The colonoscope was advanced to the cecum.
        3. The bowel preparation was rated good.
        4. **Cold forceps biopsies were taken from the inflamed sigmoid colon.**
        5. The rectum was viewed in retroflexion.
        6. Air was suctioned and the scope was withdrawn.
        """

    static let procedure: Procedure = ProcedureParser.parse(text: text, path: "Content/45380.md").procedure!
    static let generator = QuestionGenerator(
        library: Library(root: URL(fileURLWithPath: "/"), procedures: [procedure], contentFiles: ["Content/45380.md"]))

    @Test func theFieldsParse() throws {
        let p = Self.procedure
        #expect(p.report?.told == [3])
        #expect(p.additions.map(\.afterStep) == [4, nil])
        #expect(p.additions.map(\.replacesStep) == [nil, 6])
        #expect(p.modifiers.map(\.afterStep) == [4])
    }

    @Test func theAccessToldKeyAndClosingStepsAreAlwaysToldTheRestSampled() {
        let plan = NarrationPlan(steps: Self.procedure.steps, allowed: Array(repeating: true, count: 6), told: [2])
        #expect(plan.keys == [1, 2, 3, 5])
        #expect(plan.others == [0, 4])
        #expect(plan.closing == [5])
        // A dressing after the closure: both are closing steps (the wound is never left open).
        let skin = [
            "The lesion was marked.", "The ellipse was incised.", "**The cyst was removed.**", "The wound was closed with nylon.",
            "A dressing was applied.",
        ]
        .enumerated().map {
            Step(text: $1.replacingOccurrences(of: "**", with: ""), isKey: $1.hasPrefix("**"), location: .init(line: $0, column: 1))
        }
        let excision = NarrationPlan(steps: skin, allowed: Array(repeating: true, count: 5))
        #expect(excision.keys == [1, 2, 3, 4])
        #expect(excision.closing == [3, 4])
        #expect(excision.others == [0])
    }

    @Test func aStepThatARationaleQuotesIsAlwaysTold() {
        // 69632's shape: the `here` of an alternative ("the eroded incus was removed, sculpted and
        // placed…") quotes step 3, which the key step 4 does not tell ("eroded", "removed"); a
        // rationale must never quote work the report left out, so step 3 is always told. Step 2
        // shares one content word only ("incus" is told by the key step) and stays sampled.
        let ear = [
            "A postauricular incision was made.", "Temporalis fascia was harvested.",
            "A flap was elevated, and the eroded incus was disarticulated and removed.",
            "**The incus was sculpted and interposed between the stapes and the malleus.**", "The flap was returned.",
        ]
        .enumerated().map {
            Step(text: $1.replacingOccurrences(of: "**", with: ""), isKey: $1.hasPrefix("**"), location: .init(line: $0, column: 1))
        }
        let quote = "The eroded incus was removed, sculpted and placed between the stapes head and the malleus handle."
        let plain = NarrationPlan(steps: ear, allowed: Array(repeating: true, count: 5))
        #expect(plain.keys == [0, 3, 4])
        #expect(plain.others == [1, 2])
        let quoting = NarrationPlan(steps: ear, allowed: Array(repeating: true, count: 5), quotes: [quote])
        #expect(quoting.keys == [0, 2, 3, 4])
        #expect(quoting.others == [1])
        // A quote whose words the always-told steps already tell forces nothing.
        let told = NarrationPlan(steps: ear, allowed: Array(repeating: true, count: 5), quotes: ["The incus was sculpted."])
        #expect(told.keys == [0, 3, 4])
    }

    @Test func aModifierNoteIsToldRightAfterItsStep() throws {
        let q = try Self.generator.generate(itemID: "cpt:45380/modifier", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Ulcerative proctosigmoiditis.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Colonoscopy with cold forceps biopsies.\nANESTHESIA: Monitored anesthesia care.\nDESCRIPTION OF PROCEDURE: The patient, a 62-year-old man, was brought to the endoscopy suite, and a time-out confirmed the patient and the procedure. The colonoscope was advanced to the cecum. After that, the bowel preparation was rated good. Cold forceps biopsies were taken from the inflamed sigmoid colon. A 9 mm polyp in the descending colon, away from the biopsied segment, was removed with a snare and retrieved. Next, the rectum was viewed in retroflexion. Air was suctioned and the scope was withdrawn.\n\nWhich modifier should be appended to CPT code 45380 for this procedure?"
        )
        #expect(q.answer.text == "59")
    }

    @Test func anAdditionalServiceIsToldAfterItsStepOrInsteadOfIt() throws {
        // Seed 2 documents the snare removal (right after the biopsies, before the retroflexion view).
        let after = try Self.generator.generate(itemID: "cpt:45380/bundling", seed: 2)
        #expect(after.answer.text == "45380, 45385-XS")
        #expect(
            after.stem
                == "PREOPERATIVE DIAGNOSIS: Ulcerative proctosigmoiditis.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Colonoscopy with cold forceps biopsies.\nANESTHESIA: Monitored anesthesia care.\nDESCRIPTION OF PROCEDURE: The patient, a 71-year-old man, was brought to the endoscopy suite, and a time-out confirmed the patient and the procedure. The patient was placed in the left lateral position. Next, the colonoscope was advanced to the cecum. The bowel preparation was rated good. Cold forceps biopsies were taken from the inflamed sigmoid colon. A 9 mm polyp in the descending colon was removed with a snare and retrieved. The rectum was viewed in retroflexion. Air was suctioned and the scope was withdrawn.\n\nWhich CPT codes should be reported for the services documented in this note?"
        )
        // Seed 1 documents the ink marking, told instead of the withdrawal step it includes.
        let instead = try Self.generator.generate(itemID: "cpt:45380/bundling", seed: 1)
        #expect(instead.answer.text == "45380, 45381")
        #expect(
            instead.stem
                == "PREOPERATIVE DIAGNOSIS: Ulcerative proctosigmoiditis.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Colonoscopy with cold forceps biopsies.\nANESTHESIA: Monitored anesthesia care.\nDESCRIPTION OF PROCEDURE: The patient, a 63-year-old woman, was brought to the endoscopy suite. The patient was placed in the left lateral position. Then the colonoscope was advanced to the cecum. Next, the bowel preparation was rated good. Cold forceps biopsies were taken from the inflamed sigmoid colon. Next, the rectum was viewed in retroflexion. The biopsied segment was marked with ink injected beneath the lining at two points, and the scope was withdrawn.\n\nWhich CPT codes should be reported for the services documented in this note?"
        )
    }

    @Test func theSeedStillVariesTheOptionalSteps() throws {
        var variants: Set<Bool> = []
        for seed: UInt64 in 1...12 {
            let q = try Self.generator.generate(itemID: "cpt:45380/vignette-entry", seed: seed)
            variants.insert(q.stem.contains("he rectum was viewed in retroflexion"))
            #expect(q.stem.contains("he bowel preparation was rated good"), "\(seed)")
            #expect(q.stem.contains("he colonoscope was advanced to the cecum"), "\(seed)")
            #expect(q.stem.contains("ir was suctioned and the scope was withdrawn"), "\(seed)")
        }
        #expect(variants == [true, false])
    }

    @Test func placementErrorsNameTheFileAndLine() {
        let bad = Self.text.replacingOccurrences(of: "    after: 4\n  - code: \"45381\"", with: "    after: 9\n  - code: \"45381\"")
            .replacingOccurrences(of: "  told: [3]", with: "  told: [3, 3]")
            .replacingOccurrences(of: "    step: 6\n", with: "    step: 6\n    after: 5\n")
        let messages = ProcedureParser.parse(text: bad, path: "Content/45380.md").diagnostics.filter { $0.severity == .error }.map {
            "\($0.line): \($0.message)"
        }
        #expect(
            messages == [
                "21: 'after' 9 is not a step of this file (1 to 6)",
                "28: 'in_addition' entry has both 'step' and 'after': its note either replaces a step or follows one",
                "11: step 3 is listed twice in 'told'",
            ])
    }

    // MARK: Over every library

    /// The kinds whose report narrates the procedure's own plan (`contrast` leaves out steps that
    /// would state an alternative's finding).
    static let narrating: Set<QuestionKind> = [.vignette, .vignetteEntry, .codeSet, .bundling, .modifier, .pcs, .diagnosis, .drugUnits]

    /// Every step a report always tells is in every report (key, `told`, access and closing steps),
    /// unless a note told in the report replaces it or a reduced service stopped before it; and a
    /// note placed `after` a step follows that step directly.
    @Test(arguments: TestLibraries.all)
    func alwaysToldStepsAndPlacedNotesAreWhereTheyBelong(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        var checkedTold = 0
        var checkedAfter = 0
        for item in generator.items where Self.narrating.contains(item.kind) {
            let prefix = String(item.id.prefix { $0 != "/" })
            let e = generator.index[try #require(generator.index.byPrefix[prefix])]
            let p = e.procedure
            // The file's `told` steps and its last narratable step are among those always told.
            for step in p.report?.told ?? [] where e.narratable[step - 1] { #expect(e.plan.keys.contains(step - 1), "\(item.id)") }
            if let last = e.narratable.lastIndex(of: true) { #expect(e.plan.keys.contains(last), "\(item.id)") }
            for seed in UInt64(1)...UInt64(PropertySeeds.count) {
                let q = try generator.generate(item: item, seed: seed)
                if q.kind == .modifier, ["52", "53", "73", "74"].contains(q.answer.text) { continue }
                let replaced = Set(
                    p.modifiers.filter { $0.note.map { q.stem.contains(Wording.sentence($0)) } == true }.compactMap(\.replacesStep)
                        + p.additions.filter { $0.note.map { q.stem.contains(Wording.sentence($0)) } == true }.compactMap(\.replacesStep))
                for s in e.plan.keys where !replaced.contains(s + 1) {
                    #expect(q.stem.contains(String(p.steps[s].text.dropFirst().dropLast())), "\(q.id): step \(s + 1) is not told")
                    checkedTold += 1
                }
                let placed =
                    p.modifiers.compactMap { m in m.afterStep.map { ($0, m.note!) } }
                    + p.additions.compactMap { a in a.afterStep.map { ($0, a.note!) } }
                for (step, note) in placed where q.stem.contains(Wording.sentence(note)) && e.narratable[step - 1] {
                    #expect(
                        q.stem.contains(String(p.steps[step - 1].text.dropFirst().dropLast()) + ". " + Wording.sentence(note)),
                        "\(q.id): the note does not follow step \(step)")
                    checkedAfter += 1
                }
            }
        }
        #expect(checkedTold > 0)
        if named.name == "shipped" { #expect(checkedAfter > 0) }
    }
}
