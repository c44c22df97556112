import CodingContent
import Foundation
import Testing

@testable import Questions

/// Properties of every question generated from service files (anesthesia, radiology, pathology and
/// laboratory, medicine, HCPCS) of the services fixture and the shipped library: one correct option,
/// a rationale for every option, no answer code in the stem, no operating-report headings, and unit
/// counts that agree with the note, recomputed here from what the stem says.
@Suite struct ServicePropertyTests {
    static let libraries =
        [
            TestLibraries.namedServices
        ] + TestLibraries.all.filter { $0.name != "fixture" }

    @Test(arguments: libraries)
    func serviceQuestionsAreWellFormed(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let procedures = Dictionary(named.library.procedures.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let services = generator.items.compactMap { item in
            procedures[item.path].flatMap { $0.layout == .operative ? nil : (item, $0) }
        }
        // Two diagnosis items fewer (distractors only from the same block), six code sets fewer (offered only with four options;
        // an anesthesia code set has its physical status to cross, so 00840 has one), two bundling items fewer
        // (offered only when an included service carries a code).
        // Four more since a diagnosis question may take one official same-category sibling (the titles resource).
        if named.name == "services" { #expect(services.count == 29) }
        for (item, procedure) in services {
            for seed in UInt64(1)...4 {
                let q = try generator.generate(item: item, seed: seed)
                let questionID = "\(item.id)#\(seed)"
                #expect(!q.stem.contains("PREOPERATIVE DIAGNOSIS") || procedure.layout == .anesthesia, "\(questionID)")
                #expect(!q.stem.contains("DESCRIPTION OF PROCEDURE"), "\(questionID)")
                #expect(!q.stem.contains("operating room") || procedure.layout == .anesthesia, "\(questionID)")
                #expect(!q.stem.contains("{dose}"), "\(questionID)")
                var position = q.stem.startIndex
                for heading in Self.headings[procedure.layout]! {
                    let found = q.stem.range(of: heading, range: position..<q.stem.endIndex)
                    #expect(found != nil, "\(questionID) lacks \(heading)")
                    if let found { position = found.upperBound }
                }
                if q.kind.isEntry {
                    #expect(q.options.isEmpty && q.answer.label == nil, "\(questionID)")
                    #expect(q.judge(response: q.answer.text).correct, "\(questionID)")
                } else {
                    #expect(q.options.filter { $0.correct }.count == 1, "\(questionID)")
                    #expect(Set(q.options.map(\.text)).count == q.options.count, "\(questionID)")
                    #expect(q.options.allSatisfy { !$0.rationale.isEmpty }, "\(questionID)")
                }
                #expect(!q.rationale.isEmpty, "\(questionID)")
                if q.kind != .modifier, q.kind != .drugUnits, q.kind != .contrast {
                    #expect(!q.stem.contains(procedure.code), "\(questionID): the answer code is in the stem")
                }
                switch q.kind {
                case .anesthesiaUnits: #expect(q.answer.text == Self.anesthesiaTotal(q.stem, procedure), "\(questionID)")
                case .drugUnits: #expect(q.answer.text == Self.drugUnits(q.stem, procedure), "\(questionID)")
                default: break
                }
            }
        }
    }

    /// An anesthesia code set's key is the code with the P modifier of the record's ASA PHYSICAL STATUS
    /// line (`00731-P3, …`), and carries 99100 exactly when the record's patient is older than seventy.
    @Test(arguments: libraries)
    func anesthesiaCodeSetKeysCarryTheRecordsPhysicalStatus(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let procedures = Dictionary(named.library.procedures.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let items = generator.items.filter { $0.kind == .codeSet && procedures[$0.path]?.layout == .anesthesia }
        #expect(!items.isEmpty, "\(named.name) has no anesthesia code set")
        for item in items {
            let code = procedures[item.path]!.code
            for seed in UInt64(1)...12 {
                let q = try generator.generate(item: item, seed: seed)
                let id = "\(item.id)#\(seed)"
                let status = q.stem.components(separatedBy: "\nASA PHYSICAL STATUS: ")[1].prefix { $0.isNumber }
                #expect(["1", "2", "3", "4", "5", "6"].contains(status), "\(id)")
                let elements = q.answer.text.components(separatedBy: ", ")
                #expect(elements[0] == "\(code)-P\(status)", "\(id): \(q.answer.text)")
                #expect(
                    q.stem.contains("(CPT anesthesia code with its physical status modifier and any add-on code, then ICD-10-CM)?"), "\(id)"
                )
                let course = q.stem.components(separatedBy: "ANESTHESIA COURSE: ")[1].drop { !$0.isNumber }
                let age = Int(course.prefix { $0.isNumber })!
                #expect(elements.contains("99100") == (age > 70), "\(id): age \(age), key \(q.answer.text)")
            }
        }
    }

    /// The headings every note of a layout has, in order (findings and conclusions are optional).
    static let headings: [ServiceLayout: [String]] = [
        .radiology: ["EXAM: ", "\nCLINICAL INDICATION: ", "\nTECHNIQUE: ", "\nCOMPARISON: "],
        .pathology: ["SPECIMEN: ", "\nCLINICAL HISTORY: ", "\nGROSS DESCRIPTION: "],
        .laboratory: ["TEST ORDERED: ", "\nREASON FOR TEST: ", "\nCOLLECTION AND TESTING: "],
        .medicine: ["SERVICE: ", "\nREASON FOR VISIT: ", "\nPROCEDURE NOTE: "],
        .anesthesia: [
            "ANESTHESIA RECORD\nPROCEDURE: ", "\nPREOPERATIVE DIAGNOSIS: ", "\nASA PHYSICAL STATUS: ", "\nANESTHESIA TYPE: ",
            "\nANESTHESIA START: ", "\nANESTHESIA COURSE: ",
        ],
        .medication: ["MEDICATION ADMINISTRATION RECORD\nORDER: ", "\nDIAGNOSIS: ", "\nDOSE GIVEN: ", "\nADMINISTRATION: "],
        .supply: ["SUPPLY AND EQUIPMENT ORDER\nITEM: ", "\nDIAGNOSIS: ", "\nNOTE: "],
    ]

    /// The total units recomputed from the record: base units, minutes ÷ 15 to one decimal, the
    /// physical status, and the qualifying circumstance whose sentence the record tells.
    static func anesthesiaTotal(_ stem: String, _ p: Procedure) -> String {
        let status = Int(String(stem.split(separator: "ASA PHYSICAL STATUS: ")[1].prefix(1)))!
        let minutesText = stem.split(separator: " minutes).")[0].split(separator: "(").last!
        let minutes = Double(minutesText)!
        var circumstance = 0.0
        for addition in p.additions where stem.contains(addition.note ?? "\u{0}") {
            circumstance += ["99100": 1, "99116": 5, "99135": 5, "99140": 2][addition.code] ?? 0
        }
        // A patient under one or over seventy brings 99100 even when no sentence tells it.
        let course = stem.components(separatedBy: "ANESTHESIA COURSE: ")[1].drop { !$0.isNumber }
        let age = Int(course.prefix { $0.isNumber })!
        let years = course.drop { $0.isNumber }.hasPrefix("-year-")
        if !stem.contains(p.additions.first { $0.code == "99100" }?.note ?? "\u{0}"), !years || age > 70 { circumstance += 1 }
        let statusUnits = [0.0, 0, 0, 1, 2, 3, 0][status]
        let time = (minutes / 15 * 10).rounded(.toNearestOrAwayFromZero) / 10
        let total = Double(p.service.baseUnits!) + time + statusUnits + circumstance
        return String(format: "%.1f", total)
    }

    /// The units recomputed from the DOSE GIVEN line and the file's unit, a partial unit rounded up.
    static func drugUnits(_ stem: String, _ p: Procedure) -> String {
        let line = stem.split(separator: "\n").first { $0.hasPrefix("DOSE GIVEN: ") }!
        let amount = line.dropFirst("DOSE GIVEN: ".count).split(separator: " ")[0]
        let dose = Double(amount)!
        return String(Int((dose / p.service.unit!.value - 1e-9).rounded(.up)))
    }
}
