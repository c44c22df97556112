import Benchmark
import CodingContent
import Foundation

/// A library of 1,000 synthetic content files written to a temporary directory once.
let lintLibrary: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-lint-bench-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    for i in 0..<1000 {
        let code = String(10000 + i * 7)
        let neighbour = String(10000 + (i ^ 1) * 7)
        let text = """
            ---
            code: "\(code)"
            system: CPT
            title: Synthetic procedure \(i)
            section: Surgery/Musculoskeletal System/Area \(i % 12)
            family: family-\(i / 2)
            patient:
              sex: any
              age: 20-80
            contrasts:
              - code: "\(neighbour)"
                when: a second structure number \(i ^ 1) is also treated
                rules_out: Only one structure was treated.
            icd10pcs:
              right: 0SG904Z
              left: 0SGB04Z
            diagnoses:
              - code: M16.11
                side: right
                text: osteoarthritis of the right hip
              - code: M16.12
                side: left
                text: osteoarthritis of the left hip
            tags: [cpc, musculoskeletal]
            ---

            A synthetic lay summary for procedure \(i), long enough to look like real content in the library.

            ## Indications
            - Arthritis of the joint that failed conservative care
            - A deformity that limits walking

            ## Steps
            1. A lateral incision is made over the joint.
            2. The capsule is opened and the joint is exposed.
            3. **The joint surfaces are prepared down to bleeding bone.**
            4. The wound is closed in layers.

            ## Notes
            - Report the side with a modifier.

            """
        let url = root.appendingPathComponent("Content/area\(i % 12)/\(code).md")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
    }
    return root
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(10), maxIterations: 30)

    Benchmark("Lint 1,000 content files (read, parse, cross-check, ICD tables)") { benchmark in
        let root = lintLibrary
        let tables = ICD10Tables.shipped
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let library = try Library.load(root: root)
            let diagnostics = Linter(tables: tables, asOfDay: 20_261_125).lint(library)
            precondition(library.procedures.count == 1000 && diagnostics.isEmpty, "\(diagnostics.prefix(3))")
            blackHole(diagnostics)
        }
    }

    Benchmark("Load the shipped ICD-10-CM and ICD-10-PCS tables") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ICD10Tables.loadShipped())
        }
    }
}
