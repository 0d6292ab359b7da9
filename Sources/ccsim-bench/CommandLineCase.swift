import Foundation

/// `ccsim run` end to end: the built `ccsim` binary (next to `ccsim-bench`) runs the `big`
/// workload from a scenario file, one replication, one interval, `--jobs 1`. The gap to
/// `big-full` is what the command adds to the model: loading, the runner, the summary and the
/// files it writes.
enum CommandLineCase {
    /// The `big` workload as a scenario file: stops after `arrivals` arrivals, well before the
    /// horizon (half as long again as they take, so the resource budget's estimate stays small).
    static func scenarioText(arrivals: Int) -> String {
        let days = Int((Double(arrivals) / 1.6 * 1.5 / 86_400).rounded(.up)) + 1
        return """
        name: bench-big-run
        run:
          horizon: \(days)d
          warmup: 0s
          interval: \(days)d
          replications: 1
          seed: 1
          max_arrivals: \(arrivals)
        arrivals:
          rate: 1.6/s
        team:
          name: agents
          agents: 500
        handle_time:
          exponential: {mean: 300s}
        patience:
          exponential: {mean: 180s}
        service_level:
          answer_within: 20s
          target: 80%
          convention: offered

        """
    }

    /// Runs `ccsim run` in a child process; the peak memory is the command's own
    /// (this process only waits for it, so its children's peak is the command's).
    static func run(arrivals: Int) throws -> (arrivals: Int, events: Int, seconds: Double, peakMiB: Double, cpuSeconds: Double) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ccsim-bench-run-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("bench-big-run.yaml")
        try scenarioText(arrivals: arrivals).write(to: scenario, atomically: true, encoding: .utf8)
        let ccsim = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL.deletingLastPathComponent().appendingPathComponent("ccsim")
        let process = Process()
        process.executableURL = ccsim
        process.arguments = ["run", scenario.path, "--replications", "1", "--jobs", "1",
                             "--out", folder.appendingPathComponent("out").path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let started = Measurement.now()
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Measurement.now() - started
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(ccsim.path) run exited with status \(process.terminationStatus): "
                + String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return (arrivals, 0, seconds, Double(usage.ru_maxrss) / 1024, Measurement.cpuSeconds(of: RUSAGE_CHILDREN.rawValue))
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }
}
