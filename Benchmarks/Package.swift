// swift-tools-version: 6.1
//
// codedrill's benchmarks, in their own package so that ordinary builds of the main package never
// compile the benchmark framework. Each suite is one executable target whose sources live in
// Benchmarks/<SuiteName>/; add a suite by adding one `suite(...)` line below.
//
// Run (from this folder; release build):
//     swift package --allow-writing-to-package-directory benchmark            # every suite
//     swift package --allow-writing-to-package-directory benchmark --target SchedulerBenchmarks
import PackageDescription

let package = Package(
    name: "codedrill-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "codedrill", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        // StoreBenchmarks bulk-loads its large fixture database with plain SQL.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // FSRS-6 review steps per second (docs/fsrs.md).
        suite(
            "SchedulerBenchmarks",
            dependencies: [.product(name: "FSRS", package: "codedrill"), .product(name: "Determinism", package: "codedrill")]),
        // Fitting FSRS-6 weights to 50,000 reviews, beside fsrs-rs (docs/fsrs.md).
        suite("OptimizerBenchmarks", dependencies: [.product(name: "FSRS", package: "codedrill")]),
        // Progress store: durable answer latency, due queue on a 100k-card learner (docs/database.md).
        suite(
            "StoreBenchmarks",
            dependencies: [
                "BenchmarkFixtures", .product(name: "ProgressStore", package: "codedrill"),
                .product(name: "FSRS", package: "codedrill"),
            ]),
        // `codedrill stats` on the same 100k-card learner: the numbers, and the whole report.
        suite(
            "StatsBenchmarks",
            dependencies: [
                "BenchmarkFixtures", .product(name: "ProgressStore", package: "codedrill"),
                .product(name: "Drill", package: "codedrill"), .product(name: "Questions", package: "codedrill"),
                .product(name: "CodingContent", package: "codedrill"),
            ]),
        // The 100k-card learner the store and stats suites share.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [.product(name: "ProgressStore", package: "codedrill"), .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/BenchmarkFixtures"),
        // Question generation on a 1,000-procedure library (docs/questions.md).
        suite(
            "GeneratorBenchmarks",
            dependencies: [
                .product(name: "Questions", package: "codedrill"), .product(name: "CodingContent", package: "codedrill"),
                .product(name: "SourceText", package: "codedrill"),
            ]),
        // Content: linting 1,000 files, loading the ICD-10 tables.
        suite("LintBenchmarks", dependencies: [.product(name: "CodingContent", package: "codedrill")]),
        // The drill: start to first question for a learner with 10,000 reviews.
        suite(
            "DrillBenchmarks",
            dependencies: [
                .product(name: "Drill", package: "codedrill"), .product(name: "CodingContent", package: "codedrill"),
                .product(name: "Questions", package: "codedrill"), .product(name: "ProgressStore", package: "codedrill"),
                .product(name: "FSRS", package: "codedrill"),
            ]),
        // Item analysis: `report items` over 1,000 learners × 100-question exams (docs/reports.md).
        suite(
            "ReportBenchmarks",
            dependencies: [
                .product(name: "Drill", package: "codedrill"), .product(name: "CodingContent", package: "codedrill"),
                .product(name: "ProgressStore", package: "codedrill"), .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)

/// A benchmark suite: an executable in `Benchmarks/<name>/`, wired to the Benchmark framework and
/// the plugin that generates its entry point.
func suite(_ name: String, dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")] + dependencies,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
