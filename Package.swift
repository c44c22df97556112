// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "codedrill",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "codedrill", targets: ["codedrill"]),
        .library(name: "FSRS", targets: ["FSRS"]),
        .library(name: "Determinism", targets: ["Determinism"]),
        .library(name: "SourceText", targets: ["SourceText"]),
        .library(name: "CodingContent", targets: ["CodingContent"]),
        .library(name: "QuestionBanks", targets: ["QuestionBanks"]),
        .library(name: "Questions", targets: ["Questions"]),
        .library(name: "ProgressStore", targets: ["ProgressStore"]),
        .library(name: "Drill", targets: ["Drill"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // The memory model and scheduler: pure, no I/O.
        .target(name: "FSRS"),
        // What must be byte-identical on every machine: seeded random numbers, FNV-1a, ISO 8601, JSON.
        .target(name: "Determinism"),
        // What every parser of library files shares: diagnostics, lines, UTF-8, walking a tree.
        .target(name: "SourceText"),
        // GIFT and Aiken question banks: reading, writing, authored questions.
        .target(name: "QuestionBanks", dependencies: ["SourceText", "Determinism"]),
        // The content format and its lint, ICD-10 tables, exam blueprints, loading a library.
        .target(
            name: "CodingContent",
            dependencies: ["SourceText", "Determinism", "QuestionBanks", .product(name: "Yams", package: "Yams")],
            resources: [
                .copy("Resources/icd10cm.txt"), .copy("Resources/icd10pcs.txt"), .copy("Resources/icd10pcs-labels.txt"),
                .copy("Resources/icd10cm-titles.txt"),
            ]
        ),
        // The question generator, the catalog of items, answer judging, bank export.
        .target(name: "Questions", dependencies: ["CodingContent", "QuestionBanks", "Determinism", "SourceText"]),
        // SQLite persistence through GRDB.
        .target(
            name: "ProgressStore",
            dependencies: ["FSRS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Study and exam sessions over a store, a clock and a question source.
        .target(
            name: "Drill",
            dependencies: ["FSRS", "Determinism", "SourceText", "CodingContent", "QuestionBanks", "Questions", "ProgressStore"]),
        // Argument parsing and terminal I/O only.
        .executableTarget(
            name: "codedrill",
            dependencies: [
                "FSRS", "Determinism", "SourceText", "CodingContent", "QuestionBanks", "Questions", "ProgressStore", "Drill",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FSRSTests", dependencies: ["FSRS", "Determinism"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeterminismTests", dependencies: ["Determinism"]),
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "QuestionBanksTests", dependencies: ["QuestionBanks", "SourceText", "Determinism"]),
        .testTarget(name: "CodingContentTests", dependencies: ["CodingContent", "SourceText", "QuestionBanks"]),
        .testTarget(
            name: "QuestionsTests",
            dependencies: ["Questions", "CodingContent", "QuestionBanks", "Determinism", "SourceText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ProgressStoreTests",
            dependencies: ["ProgressStore", "FSRS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DrillTests",
            dependencies: ["Drill", "Determinism", "CodingContent", "QuestionBanks", "Questions", "ProgressStore", "FSRS"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "codedrill", "ProgressStore", "FSRS", "Drill", "Determinism", "CodingContent", "QuestionBanks", "Questions",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
