/// A one-line question on the message line: a note for a call, or the filter.
public struct TextPrompt: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case note(callID: String)
        case filter
    }

    public let purpose: Purpose
    public var field: TextField

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.field = TextField(text)
    }

    public var label: String {
        switch purpose {
        case .note(let callID): return "Note for \(callID): "
        case .filter: return "Filter: "
        }
    }
}
