// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "codedrill",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "codedrill", targets: ["codedrill"]),
        .library(name: "FSRS", targets: ["FSRS"]),
        .library(name: "CodingContent", targets: ["CodingContent"]),
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
        // Content files, GIFT banks, diagnostics, question generation.
        .target(
            name: "CodingContent",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/icd10cm.txt"), .copy("Resources/icd10pcs.txt")]
        ),
        // SQLite persistence through GRDB.
        .target(
            name: "ProgressStore",
            dependencies: ["FSRS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Study and exam sessions over a store, a clock and a question source.
        .target(name: "Drill", dependencies: ["FSRS", "CodingContent", "ProgressStore"]),
        // Argument parsing and terminal I/O only.
        .executableTarget(
            name: "codedrill",
            dependencies: [
                "FSRS", "CodingContent", "ProgressStore", "Drill",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FSRSTests", dependencies: ["FSRS"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CodingContentTests", dependencies: ["CodingContent"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ProgressStoreTests",
            dependencies: ["ProgressStore", "FSRS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DrillTests", dependencies: ["Drill", "CodingContent", "ProgressStore", "FSRS"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["codedrill", "ProgressStore", "FSRS", "Drill", "CodingContent", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
