import Foundation

/// A call routed again because its facts changed mid-call ("he has a knife", "wrong beat").
///
/// Keeps what a call's history shows of it: when, who, what changed and where the decision sent the call before
/// and after. The whole decision of each revision, with its reasons, stays in the journal's record of it (`journal
/// show`); the call's decision as it stands now is its intake's triage. Every call of a long shift stays in memory,
/// and two whole decisions a revision were a third of what a call held (docs/benchmarks.md, soak).
public struct Retriage: Sendable, Hashable {
    public let time: Date
    /// Safety flags answered yes before and after.
    public let previousFlags: [String]
    public let flags: [String]
    /// The response the decision dispatched before and after ("CRT", "POLICE").
    public let previousDispatch: String
    public let dispatch: String
    /// What changed, old → new ("weapon not asked → yes").
    public let changes: [String]
    /// Who recorded it.
    public let operatorName: String
}
