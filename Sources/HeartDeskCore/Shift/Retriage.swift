import Foundation

/// A call routed again because its facts changed mid-call ("he has a knife", "wrong beat").
public struct Retriage: Sendable, Hashable {
    public let time: Date
    /// Safety flags answered yes before and after.
    public let previousFlags: [String]
    public let flags: [String]
    public let previous: TriageRecord
    public let triage: TriageRecord
    /// What changed, old → new ("weapon not asked → yes").
    public let changes: [String]
    /// Who recorded it.
    public let operatorName: String
}
