/// Why an ROI study cannot run, in words a trainer can act on.
public struct ROIError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
