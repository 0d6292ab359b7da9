/// The results vocabulary (metric names, units and labels, value and time formats, verdict
/// words, the version) lives in ResultsSchema, shared with the report; every user of
/// Experiments sees it.
@_exported import ResultsSchema
