import Foundation

extension CallRecord {
    /// Everything a search looks through: id, caller, callback, location, call type, beat, language, the decision,
    /// the units on it or sent to it, and the notes.
    public var searchableText: String {
        let i = intake
        return ([i.id, i.callerName, i.callback, i.location, i.callType, i.beat ?? "unknown", i.language, i.triage.dispatch]
                + dispatchedUnits + notes.map(\.text)).joined(separator: " ")
    }

    /// Whether `text` appears in ``searchableText``, ignoring case and accents ("pena" finds "Peña").
    public func matches(search text: String) -> Bool {
        text.isEmpty || searchableText.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
