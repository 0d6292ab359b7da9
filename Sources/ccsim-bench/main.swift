import ContactCenter
import Foundation
import SimKernel
import SingleQueueOracle
import Stochastics

// ccsim-bench: speed and memory of the simulation core, in a release build on one thread.
//
//   ccsim-bench                       mid and big, 10^6 and 10^7 arrivals, the floor loop,
//                                     then the full model on scenarios/tiered-support.yaml for 1, 4 and 26 weeks
//   ccsim-bench --sizes 100000        other sizes (comma-separated)
//   ccsim-bench --cases big           a subset of cases (mid, big, mid-full, big-full, floor, tiered, tiered-workforce);
//                                     mid and big run the foundation single-queue model, *-full the
//                                     same workload through the full model that `ccsim run` uses
//
// Each case runs in a child process of its own, so its peak memory is its own.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

if let child = option("--child") {
    // Child mode: run one case and print "arrivals events seconds peakMiB".
    let size = Int(option("--arrivals") ?? "") ?? 1_000_000
    let started = Measurement.now()
    let result: (arrivals: Int, events: Int)
    if child == "floor" {
        result = FloorLoop.run(calls: size)
    } else if child == "tiered" {
        // `size` is the horizon in weeks here.
        result = try TieredCase.run(weeks: size)
    } else if child == "tiered-workforce" {
        result = try TieredCase.run(weeks: size, workforce: true)
    } else if child.hasSuffix("-full") {
        // The same workload through the full model, which `ccsim run` uses.
        let scenario = BenchmarkCase(rawValue: String(child.dropLast(5)))!.scenario(arrivals: size)
        let replication = try ContactCenterSimulator.run(scenario, replication: 0)
        result = (replication.arrivalsSimulated, replication.eventsHandled)
    } else {
        let scenario = BenchmarkCase(rawValue: child)!.scenario(arrivals: size)
        let replication = try SingleQueueOracle.run(scenario, replication: 0)
        result = (replication.arrivalsSimulated, replication.eventsHandled)
    }
    let seconds = Measurement.now() - started
    print(result.arrivals, result.events, seconds, Measurement.peakMemoryMiB())
    exit(0)
}

let sizes = (option("--sizes") ?? "1000000,10000000").split(separator: ",").compactMap { Int($0) }
let cases = (option("--cases") ?? "mid,big,big-full,floor,tiered,tiered-workforce").split(separator: ",").map(String.init)

func runChild(_ name: String, _ size: Int) -> (arrivals: Int, events: Int, seconds: Double, peak: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
    process.arguments = ["--child", name, "--arrivals", String(size)]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
    guard process.terminationStatus == 0, fields.count == 4 else { return nil }
    return (Int(fields[0]), Int(fields[1]), fields[2], fields[3])
}

print("ccsim-bench: one replication per line, one thread, release build")
print("case     arrivals     wall s   arrivals/s    events/s   peak MiB   workload")
for name in cases {
    if name == "tiered" {
        print("")
        print("full model     contacts     wall s   contacts/s    events/s   peak MiB   workload")
        for weeks in [1, 4, 26] {
            guard let r = runChild("tiered", weeks) else {
                print("tiered: failed (is scenarios/tiered-support.yaml there? run from the repository root)")
                continue
            }
            print(String(format: "tiered %2dw   %10d %9.2f %12.0f %11.0f %10.1f   %@",
                         weeks, r.arrivals, r.seconds, Double(r.arrivals) / r.seconds, Double(r.events) / r.seconds, r.peak,
                         "\(TieredCase.path), one replication" as NSString))
        }
        continue
    }
    if name == "tiered-workforce" {
        guard let r = runChild(name, 26) else {
            print("tiered-workforce: failed")
            continue
        }
        print(String(format: "tiered+wf 26w %9d %9.2f %12.0f %11.0f %10.1f   %@",
                     r.arrivals, r.seconds, Double(r.arrivals) / r.seconds, Double(r.events) / r.seconds, r.peak,
                     "\(TieredCase.path) with workforce dynamics and training, one replication" as NSString))
        continue
    }
    for size in sizes {
        guard let r = runChild(name, size) else {
            print("\(name): failed")
            continue
        }
        let description = BenchmarkCase(rawValue: name)?.summary
            ?? BenchmarkCase(rawValue: String(name.dropLast(5))).map { "\($0.summary), full model" }
            ?? "3 GSL exponential draws + 1 heap pop & push per call"
        print(name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: " %9d %9.2f %12.0f %11.0f %10.1f   %@",
                     r.arrivals, r.seconds, Double(r.arrivals) / r.seconds,
                     Double(r.events) / r.seconds, r.peak, description as NSString))
    }
}
