import Foundation
import Testing

@testable import CodingContent
@testable import Questions

/// The fixes from the instructor and coder reviews of generated service questions: infant ages,
/// one arrival phrase per setting, the extreme-age circumstance, side and diagnosis words of each
/// document, heading lines that restate the title, pathology without narrative connectives, PCS
/// distractors read from the table's labels, deciding findings always told.
@Suite struct ServiceWordingTests {
    @Test func ageRangesTakeDaysAndMonths() {
        #expect(FileParser.age("18-85")?.years == 18...85 && FileParser.age("18-85")?.young == nil)
        #expect(FileParser.age("18-85 years")?.years == 18...85)
        let days = FileParser.age("1-28 days")!
        #expect(days.years == 0...0 && days.young == YoungAge(unit: .days, range: 1...28))
        let months = FileParser.age("2-23 months")!
        #expect(months.years == 0...1 && months.young == YoungAge(unit: .months, range: 2...23))
        #expect(FileParser.age("0-28 days") == nil)
        #expect(FileParser.age("6-40 months") == nil)
        #expect(FileParser.age("1-2 weeks") == nil)
        #expect(FileParser.age("30-20") == nil)
    }

    @Test func anInfantFileParsesAndLints() throws {
        let text = """
            ---
            code: "31601"
            system: CPT
            title: Infant tracheostomy
            section: Surgery/Respiratory System/Trachea and Bronchi
            patient:
              sex: any
              age: 2-23 months
            ---
            ## Indications
            - Long-term ventilation in an infant with subglottic stenosis.

            ## Steps
            1. A transverse neck incision was made.
            2. **The trachea was opened between the second and third rings.**
            """
        let parsed = ProcedureParser.parse(text: text, path: "Content/31601.md")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        let p = try #require(parsed.procedure)
        #expect(p.patient == PatientProfile(sex: .any, minimumAge: 0, maximumAge: 1, youngAge: YoungAge(unit: .months, range: 2...23)))
    }

    @Test func infantAgesReadInDaysAndMonths() {
        let newborn = Patient(age: 0, female: false, side: nil, noun: "boy", young: (.days, 3))
        #expect(newborn.ageWords == "3-day-old " && newborn.article == "a" && newborn.ageSpoken == "3 days old")
        #expect(newborn.extremeAge)
        let infant = Patient(age: 0, female: true, side: nil, noun: "girl", young: (.months, 8))
        #expect(infant.ageWords == "8-month-old " && infant.article == "an")
        let toddler = Patient(age: 1, female: true, side: nil, noun: "girl", young: (.months, 18))
        #expect(toddler.ageWords == "18-month-old " && toddler.an && !toddler.extremeAge)
        let adult = Patient(age: 84, female: true, side: nil, noun: "woman")
        #expect(adult.ageWords == "84-year-old " && adult.an && adult.extremeAge && adult.ageSpoken == "84 years old")
    }

    @Test func oneArrivalPhrasePerSetting() {
        #expect(CareSetting.office.whereabouts(usual: .office, layout: .operative) == "was seen in the office procedure room")
        #expect(CareSetting.office.whereabouts(usual: .office, layout: .medicine) == "was seen in the office")
        #expect(
            CareSetting.inpatient.whereabouts(usual: .imagingDepartment, layout: .radiology)
                == "was an inpatient and was brought to the imaging department")
        #expect(
            CareSetting.inpatient.whereabouts(usual: .endoscopySuite, layout: .anesthesia)
                == "was an inpatient and was brought to the endoscopy suite")
        #expect(CareSetting.inpatient.whereabouts(usual: .infusionCenter, layout: .medication) == "was seen as a hospital inpatient")
        #expect(
            CareSetting.inpatient.whereabouts(usual: .outpatientSurgery, layout: .operative)
                == "was admitted and brought to the operating room")
    }

    @Test func sideAndDiagnosisWordsFollowTheDocument() {
        #expect(ServiceLayout.operative.sideSentence(.right) == "The operation was on the right side")
        #expect(ServiceLayout.radiology.sideSentence(.left) == "The exam was of the left side")
        #expect(ServiceLayout.medication.sideSentence(.bilateral) == "Both sides were injected")
        #expect(ServiceLayout.radiology.diagnosisSource == "the impression")
        #expect(
            ServiceLayout.radiology.confirmedDiagnosisRule(preop: "cough and fever")
                == " Code the diagnosis the exam confirmed, the impression, not the reason for the exam (“cough and fever”).")
    }

    @Test func headingLinesThatRestateTheTitleAreNotTold() {
        #expect(ReportMaterial.restatesTitle("Chest X-ray, two views", title: "Chest X-ray, two views"))
        #expect(ReportMaterial.restatesTitle("Two-view chest X-ray", title: "Chest X-ray, two views"))
        #expect(!ReportMaterial.restatesTitle("PA and lateral chest radiographs", title: "Chest X-ray, two views"))
        #expect(!ReportMaterial.restatesTitle("Chest X-ray, PA and lateral", title: "Chest X-ray, two views"))
        var p = syntheticProcedure(code: "71046", family: nil, steps: ["The patient stood.", "Two views were taken."])
        p.title = "Chest X-ray, two views"
        p.report = ReportWording(procedure: ["Two-view chest X-ray", "PA and lateral chest radiographs"])
        #expect(ReportMaterial(p, mentionsCode: { _ in false }).procedureLines == ["PA and lateral chest radiographs"])
        p.report = ReportWording(procedure: ["Two-view chest X-ray"])
        #expect(ReportMaterial(p, mentionsCode: { _ in false }).procedureLines == ["Two-view chest X-ray"])
    }

    /// Over the shipped library: an anesthesia record of a patient under one or over seventy counts
    /// 99100 in its answer and says so; no other record names 99100 unless its note tells it.
    @Test(arguments: TestLibraries.all.filter { $0.name != "fixture" })
    func extremeAgeAlwaysCounts(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let items = generator.items.filter { $0.kind == .anesthesiaUnits }
        #expect(!items.isEmpty)
        for item in items {
            for seed in UInt64(1)...UInt64(PropertySeeds.count) {
                let q = try generator.generate(item: item, seed: seed)
                let course = q.stem.components(separatedBy: "ANESTHESIA COURSE: ")[1]
                let number = Int(course.drop { !$0.isNumber }.prefix { $0.isNumber })!
                let unit = course.drop { !$0.isNumber }.drop { $0.isNumber }.prefix(6)
                let extreme = unit == "-year-" ? number > 70 : true
                #expect(
                    q.rationale.contains("for the qualifying circumstance 99100") == extreme || q.stem.contains("older than seventy"),
                    "\(item.id)#\(seed)")
                if extreme { #expect(q.rationale.contains("reported with add-on code 99100"), "\(item.id)#\(seed)") }
            }
        }
    }

    /// Over the shipped library: a pathology report's gross description never narrates ("Next, …",
    /// "Lastly, …"); a sided service's typed-answer rationale names the side in its own words.
    @Test(arguments: TestLibraries.all.filter { $0.name != "fixture" })
    func serviceNotesReadLikeTheirDocument(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let procedures = Dictionary(named.library.procedures.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for item in generator.items {
            guard let p = procedures[item.path], p.layout != .operative, p.layout != .anesthesia else { continue }
            guard item.kind == .vignetteEntry || p.layout == .pathology else { continue }
            for seed in UInt64(1)...5 {
                let q = try generator.generate(item: item, seed: seed)
                if p.layout == .pathology {
                    let gross = q.stem.components(separatedBy: "GROSS DESCRIPTION:")[1].components(separatedBy: "\n")[0]
                    for connective in ["Next, ", "Then ", "After that, ", "Subsequently, ", "Finally, ", "Lastly, "] {
                        #expect(!gross.contains(connective), "\(item.id)#\(seed)")
                    }
                }
                #expect(!q.rationale.contains("operation was on"), "\(item.id)#\(seed)")
                #expect(!q.rationale.contains("operated on"), "\(item.id)#\(seed)")
            }
        }
    }

    /// Over the shipped library: every wrong ICD-10-PCS option is described by the table's labels and
    /// names the characters where it departs from the key, never by a reason from a CPT file.
    @Test(arguments: TestLibraries.all.filter { $0.name != "fixture" })
    func pcsDistractorsAreReadFromTheTable(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items where item.kind == .pcs {
            for seed in UInt64(1)...3 {
                let q = try generator.generate(item: item, seed: seed)
                for option in q.options where !option.correct {
                    #expect(option.rationale.hasPrefix(option.text + " is "), "\(item.id)#\(seed): \(option.rationale)")
                    #expect(option.rationale.contains(" differs from the right code in the "), "\(item.id)#\(seed)")
                }
            }
        }
    }

    /// Over the shipped library: findings that tell a deciding fact are in every report whose answer
    /// is a CPT code (code-set, bundling, modifier, vignette), and never in a `contrast` stem.
    @Test(arguments: TestLibraries.all.filter { $0.name != "fixture" })
    func decidingFindingsAreAlwaysTold(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        var deciding = 0
        for entry in generator.index.entries where entry.report.findingsDecide && entry.report.layout == .operative {
            deciding += 1
            for item in generator.items where item.path == entry.procedure.path {
                let q = try generator.generate(item: item, seed: 1)
                switch item.kind {
                case .codeSet, .bundling, .modifier, .vignette: #expect(q.stem.contains("\nFINDINGS: "), "\(item.id)")
                case .contrast, .diagnosis: #expect(!q.stem.contains("\nFINDINGS: "), "\(item.id)")
                default: break
                }
            }
        }
        #expect(deciding > 0)
    }
}
