/// A problem with a sweep's store or files (not with the sweep file's content, which is
/// reported as a located `ScenarioError`). The message says what to do about it.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
