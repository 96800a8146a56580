/// What helps a call-taker fill in a new call: the vocabulary that suggests call types from the caller's words, and
/// the beat polygons that turn a location into a beat. Either may be missing when the policy names none.
public struct IntakeAids: Sendable {
    public let vocabulary: Vocabulary?
    public let locator: BeatLocator?

    public init(vocabulary: Vocabulary? = nil, locator: BeatLocator? = nil) {
        self.vocabulary = vocabulary
        self.locator = locator
    }

    /// The aids `policy` names, read from their files now; a fault names the file (and line or feature).
    public static func load(for policy: Policy) throws -> IntakeAids {
        IntakeAids(vocabulary: try policy.loadVocabulary(), locator: try policy.loadBeatLocator())
    }

    /// Where typed location text puts the call: a beat, outside every beat, or nil when the text is not coordinates
    /// (an address or a landmark: the beat stays the call-taker's).
    public func beat(forLocation text: String) -> LocatedBeat? {
        guard let locator, let point = try? CallerLocation.coordinates(text) else { return nil }
        return locator.beat(at: point).map(LocatedBeat.beat) ?? .outside
    }
}

/// What a location resolved to.
public enum LocatedBeat: Sendable, Hashable {
    case beat(Beat.Index)
    /// Coordinates outside every beat of the policy.
    case outside
}
