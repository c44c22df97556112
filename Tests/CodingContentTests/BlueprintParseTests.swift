import CodingContent
import SourceText
import Testing

@Suite("Blueprint parsing")
struct BlueprintParseTests {
    /// Found by FuzzBlueprint: a share of 2.2e25 trapped when the sum was printed as an integer.
    @Test func aHugeShareIsOneDiagnosticNotACrash() {
        let text = """
            name: Mock
            questions: 10
            minutes: 20
            pass: 70
            parts:
              - label: Anatomy
                tag: anatomy
                share: 22222222222222222222222223
              - label: Compliance
                tag: compliance
                share: 4

            """
        let (blueprint, diagnostics) = BlueprintParser.parse(text: text, path: "mock.yaml", id: "mock")
        #expect(blueprint == nil)
        #expect(
            diagnostics.first { $0.severity == .error }
                == Diagnostic(
                    path: "mock.yaml", line: 8, column: 12, severity: .error,
                    message: "'share' must be a percentage above 0 and at most 100"))
    }
}
