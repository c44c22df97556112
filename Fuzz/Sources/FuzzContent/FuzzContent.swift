import CodingContent
import Foundation
import FuzzDriver

/// libFuzzer's driver for this target.
@_cdecl("FuzzContent_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzContent($0, $1) }
}

/// One content file: parsed, and its diagnostics formatted, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let (procedure, diagnostics) = ProcedureParser.parse(data: data, path: "Content/fuzz.md")
    _ = diagnostics.map(\.description)
    _ = procedure?.contentHash
    return 0
}
