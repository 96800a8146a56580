/// A Care Navigation follow-up from queued to done.
public enum FollowUpStatus: String, Sendable, CaseIterable, Codable {
    case open
    case contacted
    case closed
}
