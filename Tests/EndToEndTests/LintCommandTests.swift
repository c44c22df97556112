import Foundation
import Testing

@Suite struct LintCommandTests {
    let good = """
        ---
        format: 2
        code: "27284"
        system: CPT
        title: Hip fusion
        section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
        setting: inpatient
        anesthesia: general
        report:
          procedure: "{Side} hip arthrodesis with plate fixation"
        instead:
          - code: "27286"
            when: the femur is also cut
        ---
        ## Indications
        - Arthritis
        ## Steps
        1. Incision.
        2. **Fusion.**

        """

    @Test func lintReportsEveryProblemSortedWithASummaryAndExitsOne() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(good, to: "Content/hip/27284.md")
        try dir.write(good.replacingOccurrences(of: "title: Hip fusion", with: "titel: Hip fusion"), to: "Content/hip/dup.md")
        try dir.write("---\ncode: \"27286\"\nsystem: CPT\ntitle: [broken\n---\n", to: "Content/a-yaml.md")
        var bytes = Data("---\ncode: \"1\"\n".utf8)
        bytes.append(0xFF)
        try bytes.write(to: dir.appendingPathComponent("Content/b-latin1.md"))
        try dir.write("# About this library\n", to: "Content/README.md")

        let result = try await CodedrillProcess.run(["lint", "--library", ".", "--as-of", "2026-11-25"], in: dir)
        // Diagnostics on standard error (every command's), the summary on standard output.
        #expect(
            result.stderr == """
                Content/a-yaml.md:5:1: error: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence at line 4)
                Content/b-latin1.md:3:1: error: file is not valid UTF-8 (byte 0xFF); save it as UTF-8
                Content/hip/27284.md:12:11: error: 'instead' entry names 27286, which is not in the library (add 'describe' to say what it is)
                Content/hip/dup.md:1:1: error: missing required key 'title'
                Content/hip/dup.md:5:1: warning: unknown front-matter key 'titel'; did you mean 'title'?

                """)
        #expect(result.stdout == "4 files, 4 errors, 1 warning\n")
        #expect(result.status == 1)

        let one = try await CodedrillProcess.run(["lint", "--library", ".", "Content/hip/dup.md"], in: dir)
        #expect(
            one.stderr == """
                Content/hip/dup.md:1:1: error: missing required key 'title'
                Content/hip/dup.md:5:1: warning: unknown front-matter key 'titel'; did you mean 'title'?

                """)
        #expect(one.stdout == "1 file, 1 error, 1 warning\n")
        #expect(one.status == 1)
    }

    @Test func cleanLibraryExitsZero() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(
            good.replacingOccurrences(of: "instead:\n  - code: \"27286\"\n    when: the femur is also cut\n", with: ""),
            to: "Content/27284.md")
        let result = try await CodedrillProcess.run(["lint"], in: dir)
        #expect(result.stdout == "1 file, 0 errors, 0 warnings\n")
        #expect(result.status == 0)
    }

    @Test func missingLibraryExitsSixtyFiveWithOneLine() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await CodedrillProcess.run(["lint", "--library", "nowhere"], in: dir)
        #expect(result.stdout == "")
        #expect(result.stderr == "codedrill: error: library directory '\(dir.standardizedFileURL.path)/nowhere' does not exist\n")
        #expect(result.status == 65)
    }

    @Test func badOptionIsAUsageError() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await CodedrillProcess.run(["lint", "--as-of", "yesterday"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr == "codedrill: error: --as-of: 'yesterday' is not a date like 2026-11-25\n")
    }
}

@Suite struct ContentUpgradeCommandTests {
    @Test func upgradeRewritesV1FilesInPlaceAndLeavesBrokenOnesAlone() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v1 = """
            ---
            code: "27284"
            system: CPT
            title: Hip fusion
            section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
            contrasts:
              - code: "27286"
                when: the femur is also cut
                rules_out: The femur was left whole.
                oneway: true
            ---
            ## Indications
            - Arthritis
            ## Steps
            1. Incision.
            2. **Fusion.**

            """
        try dir.write(v1, to: "Content/27284.md")
        let broken = v1.replacingOccurrences(of: "system: CPT", with: "system: CPT4")
        try dir.write(broken, to: "Content/broken.md")

        let result = try await CodedrillProcess.run(["content", "upgrade", "Content/27284.md", "Content/broken.md"], in: dir)
        #expect(result.stdout == "upgraded Content/27284.md\n")
        #expect(
            result.stderr == """
                Content/broken.md:3:9: error: unknown system 'CPT4'; expected CPT, HCPCS or ICD-10-PCS
                codedrill: error: 1 of 2 files not upgraded

                """)
        #expect(result.status == 65)
        let upgraded = try String(contentsOf: dir.appendingPathComponent("Content/27284.md"), encoding: .utf8)
        #expect(upgraded.hasPrefix("---\nformat: 2\ncode: \"27284\"\n"))
        #expect(
            upgraded.contains(
                "instead:\n  - code: \"27286\"\n    when: the femur is also cut\n    here: The femur was left whole.\n    oneway: true\n"))
        #expect(upgraded.contains("setting: outpatient-surgery  # inferred"))
        #expect(try String(contentsOf: dir.appendingPathComponent("Content/broken.md"), encoding: .utf8) == broken)

        let again = try await CodedrillProcess.run(["content", "upgrade", "Content/27284.md"], in: dir)
        #expect(again.stdout == "Content/27284.md is already format 2\n")
        #expect(again.status == 0)
    }
}
