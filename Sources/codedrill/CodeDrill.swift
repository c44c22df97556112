import ArgumentParser

/// The `codedrill` command: a thin shell over the libraries. Each subcommand lives in `Commands/`.
@main
struct CodeDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codedrill",
        abstract: "Scenario drills and timed mock exams for medical coders (CPT, ICD-10-PCS, ICD-10-CM).",
        discussion: """
            Exit codes: 0 success, 1 a check failed (lint errors), 64 usage, 65 bad input data,
            74 I/O or database error.
            """,
        subcommands: commandList
    )
}
