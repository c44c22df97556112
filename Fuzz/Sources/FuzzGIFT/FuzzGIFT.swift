import CodingContent
import Foundation
import FuzzDriver
#if canImport(QuestionBanks)
import QuestionBanks
#endif

/// libFuzzer's driver for this target.
@_cdecl("FuzzGIFT_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzGIFT($0, $1) }
}

/// One GIFT file: read into questions and diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGIFT(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bank = GIFTReader.parse(data: Data(bytes: start, count: count), path: "QuestionBanks/fuzz.gift")
    _ = bank.diagnostics.map(\.description)
    return 0
}
