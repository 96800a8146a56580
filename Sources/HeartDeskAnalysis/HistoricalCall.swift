import HeartDeskCore

/// One row of an export as the router sees it: when (local wall time), what, where, and the flags its code implies.
struct HistoricalCall {
    let line: Int
    let time: LocalTime
    let facts: CallFacts
    /// The beat as the policy knows it; nil for a beat the policy does not have, or none given.
    let beat: Beat.Index?
    /// The beat as written (after renames), for the by-beat table; "unknown" when none.
    let beatLabel: String

    /// 0 (Monday 00:00) ..< 168.
    var hourOfWeek: Int { time.weekday.rawValue * 24 + time.hour }
}
