import CodingContent
import Foundation
import FuzzDriver
#if canImport(QuestionBanks)
import QuestionBanks
#endif

/// libFuzzer's driver for this target.
@_cdecl("FuzzAiken_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzAiken($0, $1) }
}

/// One Aiken file: read into questions and diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAiken(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bank = AikenReader.parse(data: Data(bytes: start, count: count), path: "QuestionBanks/fuzz.txt")
    _ = bank.diagnostics.map(\.description)
    return 0
}
