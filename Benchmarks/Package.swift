// swift-tools-version: 6.1
//
// codedrill's benchmarks, in their own package so that ordinary builds of the main package never
// compile the benchmark framework. Each suite is one executable target whose sources live in
// Benchmarks/<SuiteName>/; add a suite by adding one `suite(...)` line below.
//
// Run (from this folder; release build):
//     swift package --allow-writing-to-package-directory benchmark --target GeneratorBenchmarks
import PackageDescription

let package = Package(
    name: "codedrill-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "codedrill", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Scenario questions generated per second over a synthetic 1,000-procedure library (docs/questions.md).
        suite("GeneratorBenchmarks", dependencies: [.product(name: "CodingContent", package: "codedrill")]),
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
