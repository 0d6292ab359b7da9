/// The words of an ROI study that the terminal table, `roi.json`'s readers and the report page
/// share, so that they cannot drift apart.
public enum ROIWords {
    /// The ROI row's label: what the figure is, in one formula.
    public static let roi = "ROI = (benefit − cost) / cost"
    /// After an interval cut back to the replications' smallest and largest values (`clamped`
    /// in `roi.json`): a skewed cost whose t-interval reached below any replication's cost.
    public static let heldToRange = "held to the replications' range"

    /// `" (held to the replications' range)"` after a clamped interval, else nothing.
    public static func heldSuffix(_ clamped: Bool?) -> String { clamped == true ? " (\(heldToRange))" : "" }
}
