/// Agent time the program frees or takes, per paired replication: the part of its effect that
/// is not cash at fixed staffing (the agents are paid either way). Reported in hours and FTE
/// beside the money and never added to it; at equal service it becomes the labour-saved line.
public struct CapacityFreed: Sendable, Hashable {
    /// Paid hours a week of one full-time equivalent.
    public static let hoursPerFTE = 40.0

    /// Handling hours without the program minus with it (positive = time saved).
    public var handlingHoursSaved: Double
    /// Hours participants spent off the phones in training and coaching beyond the other arm.
    public var offPhoneHours: Double
    public var weeks: Int

    public init(with: ArmWeek, without: ArmWeek, weeks: Int) {
        handlingHoursSaved = (without.handleSeconds - with.handleSeconds) / 3600
        offPhoneHours = (with.trainingSeconds - without.trainingSeconds) / 3600
        self.weeks = weeks
    }

    /// Handling hours saved minus the hours spent in training: the capacity left over.
    public var netHours: Double { handlingHoursSaved - offPhoneHours }

    /// Hours as full-time agents over the run (`hoursPerFTE` paid hours a week).
    public func fte(_ hours: Double) -> Double { hours / (Self.hoursPerFTE * Double(max(1, weeks))) }
}
