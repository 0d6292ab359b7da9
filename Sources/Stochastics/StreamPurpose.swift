/// What a random stream is used for within one replication.
///
/// Each purpose draws from its own stream, so changing how often one part of
/// the model draws (say, a new routing rule) leaves every other part's numbers
/// untouched: common random numbers across scenarios come for free.
///
/// - Important: The raw values are part of the seed contract (they enter the
///   stream index, see ``StreamPlan``). Never renumber a case; add new purposes
///   with new raw values (up to 255).
public enum StreamPurpose: UInt8, CaseIterable, Sendable {
    case arrivals = 0
    case handleTime = 1
    case patience = 2
    case routing = 3
    case tierChoice = 4
    case escalation = 5
    case repeats = 6
    case absenteeism = 7
    case busyness = 8
    case callbacks = 9
    case workforce = 10
    /// One uniform per rota seat per week: who leaves (workforce dynamics).
    case attrition = 11
    /// Starting tenure and individual proficiency of agents: the initial ones in seat order, then
    /// one would-be hire per seat and week (drawn whether anyone is hired or not).
    case proficiency = 12
    /// Training programs' uncertain effects, one substream per (program name, effect).
    case trainingEffects = 13
    /// Aux (shrinkage) blocks inside published rosters' shifts: their own stream, so that giving a
    /// roster team a shrinkage moves no template seat's breaks and no absentee.
    case rosterAux = 14
}
