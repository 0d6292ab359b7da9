import Foundation

/// UTC timestamps for the store (`2026-05-01T12:34:56.789Z`), formatted without a shared
/// formatter object: runs are stored from several threads, and this is cheap and thread-safe.
enum Timestamp {
    static func iso8601(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var time = time_t(seconds.rounded(.down))
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }
}
