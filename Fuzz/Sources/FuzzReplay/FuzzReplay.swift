import FSRS
import Foundation
import FuzzDriver

/// The contract's scheduler: default weights, no learning steps, retention 0.9.
let scheduler = try! Scheduler.withoutSteps(parameters: .default, desiredRetention: 0.9)

/// libFuzzer's driver for this target.
@_cdecl("FuzzReplay_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzReplay($0, $1) }
}

/// One `fsrs replay` input line: decoded, checked and replayed, or refused with one message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplay(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try ReplayLine(line).replay(with: scheduler)
    } catch {
        _ = error.message
    }
    return 0
}
