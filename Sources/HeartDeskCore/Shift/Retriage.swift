import Foundation

/// A call routed again because its safety answers changed mid-call ("he has a knife").
public struct Retriage: Sendable, Hashable {
    public let time: Date
    /// Safety flag ids before and after.
    public let previousFlags: [String]
    public let flags: [String]
    public let previous: TriageRecord
    public let triage: TriageRecord
}
