import Benchmark
import CodingContent
import Foundation
import Questions
import SourceText

/// Questions generated per second over a synthetic library of 1,000 format v2 procedures: 100
/// families of ten codes in 20 areas, each with six steps (two key), two indications, alternatives
/// (`instead`) to three family members (a contrast needs two wrong findings of its own), an add-on,
/// an included service, a modifier with its situation, report wording, findings, a sided PCS
/// crosswalk and sided diagnoses, so every kind is available.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )

    let generator = QuestionGenerator(procedures: SyntheticLibrary.procedures(count: 1_000))
    // Item ids as a drill reads them from its database.
    let items = generator.items.map(\.id)

    // Each iteration generates 1,000 questions (scaling factor kilo): every item kind in turn,
    // with a new seed each time, as a drill session would.
    Benchmark("Generate questions (1,000-procedure library)") { benchmark in
        var seed: UInt64 = 1
        var cursor = 0
        for _ in benchmark.scaledIterations {
            let question = try generator.generate(itemID: items[cursor], seed: seed)
            blackHole(question)
            cursor = (cursor &+ 7_919) % items.count  // a prime stride visits items of every kind
            seed &+= 1
        }
    }

    Benchmark("Index a 1,000-procedure library", configuration: .init(scalingFactor: .one, maxIterations: 20)) { benchmark in
        let procedures = SyntheticLibrary.procedures(count: 1_000)
        benchmark.startMeasurement()
        blackHole(QuestionGenerator(procedures: procedures))
    }
}

/// Builds a deterministic library of made-up procedures for benchmarks.
enum SyntheticLibrary {
    static let anatomy = ["hip", "knee", "shoulder", "ankle", "wrist", "elbow", "spine", "hand", "foot", "neck"]
    static let actions = [
        "fused", "replaced", "resurfaced", "debrided", "fixed", "released", "reconstructed", "excised", "repaired", "drained",
    ]
    static let devices = ["plate", "screw", "cup", "stem", "graft", "anchor", "wire", "rod", "spacer", "pin"]

    static func procedures(count: Int) -> [Procedure] {
        (0..<count).map { n in
            let family = n / 10
            let member = n % 10
            let area = family % 20
            let part = anatomy[family % anatomy.count]
            let action = actions[member]
            let device = devices[(n / 3) % devices.count]
            let code = String(format: "%05d", 20_000 + n)
            let base = family * 10
            func loc(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
            let contrasts = [(member + 1) % 10, (member + 9) % 10, (member + 2) % 10].map { other in
                Contrast(
                    code: String(format: "%05d", 20_000 + base + other),
                    when: "the \(part) is \(actions[other]) with a \(devices[other]) instead of being \(action)",
                    rulesOut: "The \(part) was \(action) and no \(devices[other]) was used for member \(other).",
                    location: loc(8))
            }
            let steps = [
                "A standard approach to the \(part) was made through a \(n % 2 == 0 ? "lateral" : "medial") incision.",
                "**The \(part) was \(action) using the \(device) system and the kor\(family) vel\(family) technique, variant \(member).**",
                "The surrounding tissue of the \(part) was protected with retractors.",
                "**The \(device) seating was confirmed with tam\(family) sil\(family) imaging in area \(area).**",
                "The field was irrigated and bleeding was controlled.",
                "The wound over the \(part) was closed in layers.",
            ]
            return Procedure(
                code: code, system: .cpt, title: "\(part.capitalized) \(action) with \(device) \(n)",
                section: ["Surgery", "Area \(area)", "Subsection \(family % 5)"], family: "family-\(family)",
                format: 2, contrasts: contrasts,
                additions: [
                    Addition(
                        code: String(format: "%05d", 20_000 + base + (member + 5) % 10), when: "a second \(part) lesion is treated",
                        type: .together, modifier: "59", note: "A second lesion of the \(part) was treated through the same exposure.",
                        location: loc(9))
                ],
                inclusions: [
                    Inclusion(
                        service: "the approach to the \(part)", code: "2\(String(format: "%04d", 9_000 + n % 1_000))", reason: .descriptor,
                        why: "the approach is part of the procedure", step: 1, location: loc(10))
                ],
                modifiers: [
                    ModifierUse(modifier: "RT", when: "the right side is treated", location: loc(11)),
                    ModifierUse(modifier: "LT", when: "the left side is treated", location: loc(11)),
                    ModifierUse(
                        modifier: "22", when: "the work is substantially greater than usual",
                        note: "Dense scar around the \(part) added an hour to the case.", location: loc(11)),
                ],
                settings: [.outpatientSurgery], anesthesia: [.general, .regional],
                report: ReportWording(
                    procedure: ["{Side} \(part) procedure with \(device)", "\(part.capitalized) operation, {side}"], specimen: "none"),
                findings: ["The \(part) showed advanced wear in zone \(member)."],
                pcs: [
                    PCSCode(code: "0SG9\(n % 10)4Z", side: .right, location: loc(12)),
                    PCSCode(code: "0SGB\(n % 10)4Z", side: .left, location: loc(13)),
                ],
                diagnoses: [
                    Diagnosis(code: "M16.\(n % 90 + 10)1", side: .right, text: "condition \(n) of the right \(part)", location: loc(15)),
                    Diagnosis(code: "M16.\(n % 90 + 10)2", side: .left, text: "condition \(n) of the left \(part)", location: loc(16)),
                ],
                indications: ["Disabling disease of the \(part) in patient group \(n)", "Failed treatment of the \(part), case \(n)"],
                steps: steps.map { text in
                    let key = text.hasPrefix("**")
                    return Step(text: key ? String(text.dropFirst(2).dropLast(2)) : text, isKey: key, location: loc(20))
                },
                path: "Content/area-\(area)/family-\(family)/\(code).md")
        }
    }
}
