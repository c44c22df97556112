import CodingContent
import Foundation
import FuzzDriver

/// libFuzzer's driver for this target.
@_cdecl("FuzzBlueprint_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzBlueprint($0, $1) }
}

/// One blueprint file: parsed, and its shares allocated when it is valid, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBlueprint(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let (blueprint, diagnostics) = BlueprintParser.parse(text: text, path: "QuestionBanks/blueprints/fuzz.yaml", id: "fuzz")
    _ = diagnostics.map(\.description)
    if let blueprint {
        _ = Blueprint.allocate(blueprint.questionCount, shares: blueprint.parts.map(\.share))
    }
    return 0
}
