// libFuzzer harness over ccsim's two readers of untrusted text: the scenario loader (YAML →
// validated Scenario) and the contact-log reader of `ccsim fit` (RFC 4180 CSV). Built and run by
// `make fuzz` (swiftc -sanitize=fuzzer); the seed corpus is Fuzz/corpus. Any trap, hang (-timeout)
// or memory blow-up (-rss_limit_mb) is a finding; clear errors are the expected outcome.
import Fitting
import Scenarios

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScenarioLoader.parse(yaml: text, file: "fuzz.yaml", baseDirectory: "Fuzz/corpus")
    if let log = try? ContactLog.parse(text) { _ = try? log.requireMostRowsUsable() }
    return 0
}
