/// The words for a plan's cost that the run table, the staffing table and the report share.
public enum CostWords {
    /// A center whose teams have no hourly cost: its costs are not zero, they are unknown.
    public static let notPriced = "not priced: no team has an hourly cost"
}
