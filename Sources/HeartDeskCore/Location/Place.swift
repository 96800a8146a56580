/// A known place (a shelter, a hospital, a bridge, a house with a history), from the center's places file: where it
/// is, its beat, and what responders should know before they go.
public struct Place: Sendable, Hashable {
    /// What the place file says to know about a place: "dog on premises", "history of weapons — ask".
    public struct Caution: Sendable, Hashable {
        public let text: String
        /// Whether it bears on the team's safety: shown in the alert colour, and read before anything else.
        public let bearsOnSafety: Bool

        public init(text: String, bearsOnSafety: Bool) {
            self.text = text
            self.bearsOnSafety = bearsOnSafety
        }
    }

    public let name: String
    /// Other names callers use ("the bus station").
    public let aliases: [String]
    public let address: String?
    public let coordinate: Coordinate?
    public let beat: Beat.Index
    /// Safety cautions first, then the rest, each in file order.
    public let cautions: [Caution]
    /// The line of the places file it was read from, for messages.
    public let line: Int?

    public init(name: String, aliases: [String] = [], address: String? = nil, coordinate: Coordinate? = nil,
                beat: Beat.Index, cautions: [Caution] = [], line: Int? = nil) {
        self.name = name
        self.aliases = aliases
        self.address = address
        self.coordinate = coordinate
        self.beat = beat
        self.cautions = cautions.filter(\.bearsOnSafety) + cautions.filter { !$0.bearsOnSafety }
        self.line = line
    }

    /// Whether any caution bears on safety.
    public var hasSafetyCaution: Bool { cautions.first?.bearsOnSafety ?? false }
}
