/// How a tour's start may change from one working day to the next.
public enum DailyStart: String, Sendable, Hashable, CaseIterable {
    /// One start time all week (the usual published pattern, and the smaller program).
    case same
    /// Any of the template's starts on each day, within the rest rule: the program chooses the
    /// agents starting at each time on each day and keeps every agent's rest (see `ShiftScheduler`).
    case free
}
