/// One reporting interval of the measured window.
public struct ReportingInterval: Sendable, Hashable {
    public var index: Int
    /// Seconds after the end of the warm-up.
    public var start: Double
    /// The interval length, or less for the last one when `max_arrivals` closed the window early.
    public var length: Double

    public var end: Double { start + length }

    public init(index: Int, start: Double, length: Double) {
        self.index = index
        self.start = start
        self.length = length
    }
}
