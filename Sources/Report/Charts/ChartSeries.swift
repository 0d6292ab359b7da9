/// One named series of a chart: a value per x position (`nil` where undefined, e.g. the service
/// level of an interval in which nothing was offered — drawn as a gap, never as zero).
public struct ChartSeries: Sendable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}
