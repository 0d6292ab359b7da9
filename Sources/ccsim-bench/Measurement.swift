import Foundation

/// Wall-clock time and peak resident memory of the current process.
enum Measurement {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Peak resident set size in MiB (Linux reports ru_maxrss in KiB).
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// CPU seconds (user + system) of this process, or of its waited-for children with
    /// `RUSAGE_CHILDREN`. On a machine shared with other work the CPU time of a case moves
    /// far less than its wall time, so the targets' ratios are taken on it too.
    static func cpuSeconds(of who: Int32 = RUSAGE_SELF.rawValue) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
