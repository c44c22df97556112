// swift-tools-version: 6.1
// libFuzzer targets for codedrill's parsers. Its own package, so that `swift build` and
// `swift test` of the product never compile it; `scripts/fuzz` builds it with
// `-sanitize=fuzzer,address` and runs each target. See Fuzz/README.md.
import Foundation
import PackageDescription

// The main package's modules that hold each parser — the one place to change when modules move.
// Since the module split GIFT and Aiken live in "QuestionBanks", judging in "Questions", ISO 8601 in
// "Determinism" and `Excerpt` in "SourceText"; a module is used when its folder exists.
let product: (String) -> Target.Dependency = { .product(name: $0, package: "codedrill") }
let mainPackage = Context.packageDirectory + "/.."
let hasModule: (String) -> Bool = { FileManager.default.fileExists(atPath: mainPackage + "/Sources/" + $0) }
let content = [product("CodingContent")]
let banks = content + (hasModule("QuestionBanks") ? [product("QuestionBanks")] : [])
let leaf = ["Determinism", "SourceText"].filter(hasModule).map(product)
let questions = banks + (hasModule("Questions") ? [product("Questions")] : [])
let driver: [Target.Dependency] = ["FuzzDriver"]

let package = Package(
    name: "codedrill-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "codedrill", path: "..")],
    targets: [
        // Hands each executable's `main` to libFuzzer.
        .target(name: "FuzzDriver"),
        // Content files (front matter and sections) → Procedure and diagnostics.
        .executableTarget(name: "FuzzContent", dependencies: driver + content + leaf),
        // GIFT question banks.
        .executableTarget(name: "FuzzGIFT", dependencies: driver + banks + leaf),
        // Aiken question banks.
        .executableTarget(name: "FuzzAiken", dependencies: driver + banks + leaf),
        // Exam blueprints (YAML).
        .executableTarget(name: "FuzzBlueprint", dependencies: driver + content + leaf),
        // Answers as typed at a drill or exam prompt, judged against every kind of question.
        .executableTarget(name: "FuzzAnswers", dependencies: driver + questions + leaf),
        // `codedrill fsrs replay` input lines; ReplayLine.swift is the executable's own file (a link).
        .executableTarget(name: "FuzzReplay", dependencies: driver + content + leaf + [product("FSRS")]),
    ]
)
