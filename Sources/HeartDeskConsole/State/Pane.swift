/// A list on the main screen that can hold the focus.
public enum Pane: String, Sendable, CaseIterable, Hashable {
    case queue
    case units
    case beats
    case followUps

    /// The title drawn on the pane.
    public var title: String {
        switch self {
        case .queue: return "Call queue"
        case .units: return "Units"
        case .beats: return "Beats"
        case .followUps: return "Follow-ups"
        }
    }

    /// The pane Tab moves to.
    var next: Pane { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
    /// The pane Shift-Tab moves to.
    var previous: Pane {
        Self.allCases[(Self.allCases.firstIndex(of: self)! + Self.allCases.count - 1) % Self.allCases.count]
    }
}
