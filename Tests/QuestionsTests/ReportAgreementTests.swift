import CodingContent
import Foundation
import Testing

@testable import Questions

/// A report agrees with itself (instructor reviews 50321 and 27718): a told additional service is
/// named on the PROCEDURE line and its specimen on the SPECIMENS line; "POSTOPERATIVE DIAGNOSIS:
/// Same." only where the preoperative line or the pathology names the condition coded; a radiology
/// report that compares with an earlier study never says there is none; a medication record is
/// decided by its drug, not by how it was injected.
@Suite struct ReportAgreementTests {
    /// A snare polypectomy whose cold-forceps removal of a second polyp (45380) has a PROCEDURE
    /// wording and a specimen, and whose ink marking (45381) has a PROCEDURE wording only.
    static let polypectomy = """
        ---
        format: 2
        code: "45385"
        system: CPT
        title: Colonoscopy with snare removal
        section: Surgery/Digestive System/Rectum
        family: colonoscopy-agreement
        setting: endoscopy-suite
        anesthesia: monitored
        report:
          procedure:
            - Colonoscopy with snare polypectomy
          specimen: sigmoid polyp to pathology
        instead:
          - code: "45384"
            describe: colonoscopy with hot biopsy forceps removal
            when: the polyp is removed with hot biopsy forceps rather than a snare
          - code: "45390"
            describe: colonoscopy with endoscopic mucosal resection
            when: the lining under a flat polyp is lifted with an injection and resected with the snare
        in_addition:
          - code: "45380"
            type: together
            modifier: "59"
            describe: colonoscopy with cold forceps biopsy or removal
            when: a different lesion is removed with cold biopsy forceps
            note: A 3 mm sessile polyp in the transverse colon was removed with cold biopsy forceps and sent in its own jar.
            procedure: Cold forceps removal of a transverse colon polyp
            specimen: transverse colon polyp to pathology
          - code: "45381"
            type: together
            describe: colonoscopy with submucosal injection
            when: the polypectomy site is marked with ink
            note: The polypectomy site was marked with ink injected beneath the lining at two points.
            procedure: Ink marking of the polypectomy site
        included:
          - code: "45378"
            service: the diagnostic examination of the colon
            reason: endoscopy
            why: every surgical colonoscopy contains the diagnostic look at the whole colon
            step: 2
        diagnoses:
          - code: D12.5
            text: adenomatous polyp of the sigmoid colon
            preop: sigmoid colon polyp
            pathology: Tubular adenoma with low-grade dysplasia.
          - code: K63.5
            text: hyperplastic polyp of the sigmoid colon
            preop: sigmoid colon polyp
            pathology: Hyperplastic polyp.
        tags: [cpc, digestive]
        ---

        ## Indications
        - A polyp seen on screening

        ## Steps
        1. The patient was placed in the left lateral position.
        2. The colonoscope was advanced to the cecum.
        3. **A snare was closed around the stalk of the sigmoid polyp and the polyp was cut off with cautery.**
        4. The polyp was retrieved with a net.
        5. Air was suctioned and the scope was withdrawn.
        """

    /// A small joint aspiration whose only support for gout is a crystal result.
    static let aspiration = """
        ---
        format: 2
        code: "20600"
        system: CPT
        title: Small joint aspiration
        section: Surgery/Musculoskeletal System/General
        family: joint-agreement
        setting: office
        anesthesia: none
        report:
          procedure:
            - Aspiration of the first metatarsophalangeal joint
          specimen: joint fluid for crystal analysis
        diagnoses:
          - code: M10.072
            text: acute gout of the left great toe
            preop: acute painful swelling of the left great toe
            pathology: Negatively birefringent needle-shaped crystals present.
        tags: [cpc, musculoskeletal]
        ---

        ## Indications
        - A hot swollen great toe joint

        ## Steps
        1. The skin was prepared with chlorhexidine.
        2. **A 25-gauge needle was passed into the joint and fluid was aspirated for crystal analysis.**
        3. A small dressing was applied.
        """

    /// A brain MRI whose impression and findings compare with last year's scan, with a modifier 26
    /// note that states who did the work and where.
    static let mri = """
        ---
        format: 2
        code: "70553"
        system: CPT
        title: MRI brain without and with contrast
        section: Radiology/Diagnostic Radiology/Head and Neck
        family: mri-agreement
        setting: imaging-department
        anesthesia: none
        report:
          procedure:
            - MRI brain, multiple sclerosis protocol
        findings:
          - Two new white matter lesions since last year, one of which enhances.
        modifiers:
          - modifier: "26"
            when: the radiologist only reads a study done on the hospital's scanner
            note: The study was acquired on the hospital's scanner by its technologists and read by Dr. Adams of the radiology group.
        diagnoses:
          - code: G35A
            text: relapsing-remitting multiple sclerosis with new active lesions
            preop: relapsing-remitting multiple sclerosis, yearly scan
        tags: [cpc, radiology]
        ---

        ## Indications
        - Multiple sclerosis follow-up

        ## Steps
        1. **Sequences of the brain were acquired without contrast.**
        2. **Gadolinium was injected and the T1-weighted sequences were repeated.**
        """

    static let library: Library = {
        let files = [("Content/45385.md", polypectomy), ("Content/20600.md", aspiration), ("Content/70553.md", mri)]
        let procedures = files.map { ProcedureParser.parse(text: $0.1, path: $0.0).procedure! }
        return Library(root: URL(fileURLWithPath: "/"), procedures: procedures, contentFiles: files.map(\.0))
    }()
    static let generator = QuestionGenerator(library: library)

    // MARK: An additional service on the heading lines

    @Test func theAdditionsProcedureAndSpecimenParse() throws {
        let parsed = ProcedureParser.parse(text: Self.polypectomy, path: "Content/45385.md")
        #expect(parsed.diagnostics.map(\.message) == [])
        let additions = try #require(parsed.procedure).additions
        #expect(additions.map(\.procedure) == ["Cold forceps removal of a transverse colon polyp", "Ink marking of the polypectomy site"])
        #expect(additions.map(\.specimen) == ["transverse colon polyp to pathology", nil])
    }

    @Test func aToldAdditionIsListedOnThePROCEDUREAndSPECIMENSLines() throws {
        var seen: Set<String> = []
        for seed: UInt64 in 1...12 {
            let q = try Self.generator.generate(itemID: "cpt:45385/bundling", seed: seed)
            seen.insert(q.answer.text)
            let heading = q.stem.split(separator: "\n").prefix(5).joined(separator: "\n")
            switch q.answer.text {
            case "45385, 45380-59":
                #expect(
                    heading
                        == "PREOPERATIVE DIAGNOSIS: Sigmoid colon polyp.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: 1. Colonoscopy with snare polypectomy. 2. Cold forceps removal of a transverse colon polyp.\nANESTHESIA: Monitored anesthesia care.\nSPECIMENS: 1. Sigmoid polyp to pathology. 2. Transverse colon polyp to pathology.",
                    "\(seed)")
            case "45385, 45381":
                #expect(
                    heading
                        == "PREOPERATIVE DIAGNOSIS: Sigmoid colon polyp.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: 1. Colonoscopy with snare polypectomy. 2. Ink marking of the polypectomy site.\nANESTHESIA: Monitored anesthesia care.\nSPECIMENS: Sigmoid polyp to pathology.",
                    "\(seed)")
            default:
                #expect(
                    heading
                        == "PREOPERATIVE DIAGNOSIS: Sigmoid colon polyp.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Colonoscopy with snare polypectomy.\nANESTHESIA: Monitored anesthesia care.\nSPECIMENS: Sigmoid polyp to pathology.",
                    "\(seed)")
            }
        }
        #expect(seen == ["45385", "45385, 45380-59", "45385, 45381"])
    }

    @Test func aWholeBundlingStemWithTheSecondPolyp() throws {
        let q = try Self.generator.generate(itemID: "cpt:45385/bundling", seed: 1)
        #expect(q.answer.text == "45385, 45380-59")
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Sigmoid colon polyp.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: 1. Colonoscopy with snare polypectomy. 2. Cold forceps removal of a transverse colon polyp.\nANESTHESIA: Monitored anesthesia care.\nSPECIMENS: 1. Sigmoid polyp to pathology. 2. Transverse colon polyp to pathology.\nDESCRIPTION OF PROCEDURE: The patient, a 71-year-old woman, was brought to the endoscopy suite. The patient was placed in the left lateral position. The colonoscope was advanced to the cecum. After that, a snare was closed around the stalk of the sigmoid polyp and the polyp was cut off with cautery. The polyp was retrieved with a net. A 3 mm sessile polyp in the transverse colon was removed with cold biopsy forceps and sent in its own jar. Air was suctioned and the scope was withdrawn.\nPATHOLOGY: Hyperplastic polyp.\n\nWhich CPT codes should be reported for the services documented in this note?"
        )
    }

    @Test func theSpecimensLineListsTheAdditionsAloneWhenTheFilesIsNone() {
        var plan = ReportPlan(
            patient: Patient(age: 50, female: true, side: .left, noun: "woman"), diagnosis: nil, setting: .outpatientSurgery)
        #expect(plan.specimens("Breast to pathology.") == "Breast to pathology.")
        #expect(plan.specimens(nil) == nil)
        let addition = Addition(
            code: "38525", when: "sentinel nodes are removed", type: .together, note: "Two sentinel nodes were removed.",
            procedure: "{Side} axillary sentinel lymph node biopsy", specimen: "sentinel lymph nodes to pathology",
            location: .init(line: 1, column: 1))
        plan.place(addition, narratable: [true, true])
        #expect(plan.specimens("Breast to pathology.") == "1. Breast to pathology. 2. Sentinel lymph nodes to pathology.")
        #expect(plan.specimens("None.") == "Sentinel lymph nodes to pathology.")
        #expect(plan.specimens(nil) == "Sentinel lymph nodes to pathology.")
        #expect(
            plan.listingAddition(after: "Left total mastectomy.")
                == "1. Left total mastectomy. 2. Left axillary sentinel lymph node biopsy.")
        #expect(plan.extra == ["Two sentinel nodes were removed."])
    }

    // MARK: POSTOPERATIVE DIAGNOSIS

    @Test func sameOnlyWhereThePreopOrThePathologyNamesTheCondition() {
        // The pathology names what the preoperative line leaves out.
        #expect(
            ReportMaterial.leavesToPathology(
                "adenomatous polyp of the sigmoid colon", preop: "Sigmoid colon polyp.",
                pathology: "Tubular adenoma with low-grade dysplasia."))
        #expect(
            ReportMaterial.leavesToPathology(
                "moderate cervical dysplasia (CIN 2)", preop: "High-grade lesion on Pap smear.", pathology: "CIN 2; margins free."))
        // The preoperative line names it all.
        #expect(ReportMaterial.leavesToPathology("acute appendicitis", preop: "Acute appendicitis.", pathology: "Acute appendicitis."))
        // Neither: gout from a crystal result, a pathological fracture from a tumour deposit.
        #expect(
            !ReportMaterial.leavesToPathology(
                "acute gout of the left great toe", preop: "Acute painful swelling of the left great toe.",
                pathology: "Negatively birefringent needle-shaped crystals present."))
        #expect(
            !ReportMaterial.leavesToPathology(
                "pathological compression fracture of T8", preop: "Painful T8 compression fracture.",
                pathology: "Metastatic adenocarcinoma of breast origin."))
    }

    @Test func aConditionOnlyALabFindingSupportsIsWrittenOut() throws {
        let q = try Self.generator.generate(itemID: "cpt:20600/vignette-entry", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Acute painful swelling of the left great toe.\nPOSTOPERATIVE DIAGNOSIS: Acute gout of the left great toe.\nPROCEDURE: Aspiration of the first metatarsophalangeal joint.\nANESTHESIA: None.\nSPECIMENS: Joint fluid for crystal analysis.\nDESCRIPTION OF PROCEDURE: The patient, a 75-year-old man, was seen in the office procedure room, and a time-out confirmed the patient and the procedure. The skin was prepared with chlorhexidine. A 25-gauge needle was passed into the joint and fluid was aspirated for crystal analysis. A small dressing was applied.\nPATHOLOGY: Negatively birefringent needle-shaped crystals present.\n\nEnter the CPT code for this procedure, with any modifier it needs."
        )
        let polyp = try Self.generator.generate(itemID: "cpt:45385/vignette-entry", seed: 1)
        #expect(polyp.stem.hasPrefix("PREOPERATIVE DIAGNOSIS: Sigmoid colon polyp.\nPOSTOPERATIVE DIAGNOSIS: Same.\n"))
        #expect(polyp.stem.contains("\nPATHOLOGY: Hyperplastic polyp.\n"))
    }

    // MARK: COMPARISON

    @Test func aReportThatComparesHasAPriorStudy() {
        func compares(_ reported: String, reason: String = "Follow-up.") -> Bool {
            QuestionGenerator.comparesWithEarlierStudy(reported: reported, reason: reason)
        }
        #expect(compares("Two new white matter lesions since last year."))
        #expect(compares("Relapsing-remitting multiple sclerosis with new active lesions."))
        #expect(compares("Post-surgical clips are stable. There is no new mass."))
        #expect(compares("The cyst measures 3 cm, smaller than on the earlier scan."))
        #expect(compares("The measurements were compared with the scan of eight weeks earlier."))
        #expect(compares("No interval change in the nodule."))
        #expect(compares("The lungs are clear.", reason: "A density on an earlier film."))
        // An indication's "new" is a new symptom, not a new finding.
        #expect(!compares("No acute intracranial abnormality.", reason: "New seizure."))
        #expect(!compares("A 2.5 cm solid mass enhances after contrast; it measures 30 units before contrast and 110 after."))
    }

    @Test func theImpressionAloneComparesWhenFindingsAreLeftOut() throws {
        let q = try Self.generator.generate(itemID: "cpt:70553/modifier", seed: 1)
        #expect(
            q.stem
                == "EXAM: MRI brain, multiple sclerosis protocol.\nCLINICAL INDICATION: Relapsing-remitting multiple sclerosis, yearly scan.\nTECHNIQUE: The patient, a 29-year-old man, was seen in the imaging department. The study was acquired on the hospital's scanner by its technologists and read by Dr. Adams of the radiology group. Sequences of the brain were acquired without contrast. Gadolinium was injected and the T1-weighted sequences were repeated.\nCOMPARISON: Prior study of the same region.\nIMPRESSION: Relapsing-remitting multiple sclerosis with new active lesions.\n\nWhich modifier should be appended to CPT code 70553 for this service?"
        )
        #expect(q.answer.text == "26")
    }

    /// Over the services fixture and the shipped library: a radiology report whose technique,
    /// findings or impression compare with an earlier study never says there is none.
    @Test(arguments: [TestLibraries.namedServices] + TestLibraries.all)
    func noRadiologyReportDeniesTheStudyItComparesWith(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        var comparing = 0
        for item in generator.items {
            let prefix = String(item.id.prefix { $0 != "/" })
            guard let id = generator.index.byPrefix[prefix], generator.index[id].report.layout == .radiology else { continue }
            for seed in UInt64(1)...UInt64(PropertySeeds.count) {
                let q = try generator.generate(item: item, seed: seed)
                guard let technique = q.stem.range(of: "\nTECHNIQUE: "), let comparison = q.stem.range(of: "\nCOMPARISON: ") else {
                    continue
                }
                let reported = q.stem[technique.upperBound...].lowercased()
                let compares = [" since ", " new ", "earlier", "compared", " stable", "unchanged", "interval", "shrunk"].contains {
                    reported.contains($0)
                }
                guard compares else { continue }
                comparing += 1
                let line = q.stem[comparison.upperBound...].prefix { $0 != "\n" }
                #expect(!QuestionGenerator.comparisons.contains(String(line)), "\(q.id)#\(seed): \(line)")
            }
        }
        if named.name == "shipped" { #expect(comparing > 0) }
    }

    // MARK: Medication records

    @Test func aDrugIsDecidedByItsOrderNotByItsInjection() throws {
        let q = try TestLibraries.servicesGenerator.generate(itemID: "hcpcs:J2550/vignette-entry", seed: 1)
        #expect(
            q.rationale.hasPrefix(
                "J2550 (Promethazine hydrochloride injection, up to 50 mg) is correct: what decides in this note is the drug the ORDER line names and the amount on the DOSE GIVEN line (a drug code is chosen by the drug and its form; the dose sets its units)."
            ), "\(q.rationale)")
    }

    // MARK: Notes

    @Test func aNoteThatStatesABillingConclusionIsFlagged() {
        #expect(
            NoteWording.codingConclusion(
                in:
                    "The image was taken on hospital equipment; the radiologist billing this service provided the interpretation and report only."
            )
                == "interpretation and report only")
        #expect(
            NoteWording.codingConclusion(
                in: "She had been delivered by the same obstetrician, whose global obstetric package was still running.") == "global")
        #expect(
            NoteWording.codingConclusion(
                in: "The study was acquired on the hospital's scanner by its technologists and read by Dr. Adams of the radiology group.")
                == nil)
        #expect(NoteWording.codingConclusion(in: "The small saphenous vein was then accessed separately at mid-calf.") == nil)
    }

    @Test func lintWarnsAboutNotesThatWouldContradictTheReport() {
        let text = Self.polypectomy
            .replacingOccurrences(of: "    procedure: Cold forceps removal of a transverse colon polyp\n", with: "")
            .replacingOccurrences(of: "    specimen: transverse colon polyp to pathology\n", with: "")
            .replacingOccurrences(
                of: "The polypectomy site was marked with ink injected beneath the lining at two points.",
                with: "The site was marked with ink, billed as a separate injection.")
        let messages = ProcedureParser.parse(text: text, path: "Content/45385.md").diagnostics.map { "\($0.line): \($0.message)" }
        #expect(
            messages == [
                "22: 'in_addition' 45380 has a 'note' but no 'procedure': a report telling the note lists only this file's service on its PROCEDURE line",
                "22: the note of 'in_addition' 45380 takes a specimen but the entry has no 'specimen': a report telling the note lists only this file's SPECIMENS",
                "28: the note of 'in_addition' 45381 states a coding conclusion ('billed'): write what was done, by whom and where",
            ])
        // A modifier note that states who billed what.
        let billing = Self.mri.replacingOccurrences(
            of: "by its technologists and read by Dr. Adams of the radiology group.",
            with: "; the radiologist billing this service provided the interpretation and report only.")
        #expect(
            ProcedureParser.parse(text: billing, path: "Content/70553.md").diagnostics.map { "\($0.line): \($0.message)" } == [
                "16: the note of modifier 26 states a coding conclusion ('interpretation and report only'): write the facts that call for it (who read the study, where and on whose equipment it was done)"
            ])
        let stray = Self.polypectomy.replacingOccurrences(
            of: "    note: The polypectomy site was marked with ink injected beneath the lining at two points.\n", with: "")
        #expect(
            ProcedureParser.parse(text: stray, path: "Content/45385.md").diagnostics.map { "\($0.line): \($0.message)" } == [
                "34: 'in_addition' entry has 'procedure' but no 'note': it is used only where the note is told"
            ])
    }
}
