import CodingContent
import Foundation
import FuzzDriver
#if canImport(Questions)
import Questions
#endif

/// A few questions of every kind the bundled library makes (generated, and authored in its GIFT
/// banks), built once: the first input byte picks one, the rest is the answer typed.
let questions: [Question] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    guard let library = try? Library.load(root: root) else { fatalError("cannot load the library at \(root.path)") }
    let catalog = QuestionCatalog(library: library)
    var perKind: [QuestionKind: Int] = [:]
    var chosen: [Question] = []
    for item in catalog.items where perKind[item.kind, default: 0] < 4 {
        guard let question = try? catalog.question(itemID: item.id, seed: UInt64(chosen.count + 1)) else { continue }
        perKind[item.kind, default: 0] += 1
        chosen.append(question)
    }
    return chosen
}()

/// libFuzzer's driver for this target.
@_cdecl("FuzzAnswers_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzAnswers($0, $1) }
}

/// One answer: judged against the chosen question and read as a typed code, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0, !questions.isEmpty else { return 0 }
    let question = questions[Int(start[0]) % questions.count]
    let response = String(decoding: UnsafeBufferPointer(start: start + 1, count: count - 1), as: UTF8.self)
    let judgement = question.judge(response: response)
    _ = judgement.correct
    _ = CodeEntry(parsing: response, codeLength: 5)
    return 0
}
