/// A city's call priorities: which numbers exist, what each is called, and which a new call gets.
///
/// Durham uses 1 (most urgent) to 3; San Diego 0 to 4 and 9. A smaller number is always more urgent:
/// the queue sorts by it. Written in the policy's `priorities:` section (docs/policy-format.md).
public struct PriorityScale: Sendable, Hashable {
    /// One priority and its name in the city's CAD ("1", "emergency").
    public struct Level: Sendable, Hashable {
        public let value: Int
        /// Empty when the policy gives none.
        public let label: String
    }

    /// Levels from most to least urgent.
    public let levels: [Level]
    /// A new call's priority when no safety question was answered yes.
    public let defaultValue: Int
    /// A new call's priority once any safety question is answered yes; a revision that reports a flag raises to it.
    public let withSafetyFlag: Int

    /// Durham's 1–3, default 2, 1 with a safety flag: the scale of a policy without a `priorities:` section.
    public static let standard = PriorityScale(
        levels: [Level(value: 1, label: ""), Level(value: 2, label: ""), Level(value: 3, label: "")], defaultValue: 2, withSafetyFlag: 1)

    init(levels: [Level], defaultValue: Int, withSafetyFlag: Int) {
        self.levels = levels.sorted { $0.value < $1.value }
        self.defaultValue = defaultValue
        self.withSafetyFlag = withSafetyFlag
    }

    /// Whether `value` is one of the city's priorities.
    public func contains(_ value: Int) -> Bool { levels.contains { $0.value == value } }

    /// "1–3", "0–4, 9": runs of consecutive values joined, for hints and errors.
    public var valuesText: String {
        var runs: [(first: Int, last: Int)] = []
        for level in levels {
            if let last = runs.last, last.last + 1 == level.value { runs[runs.count - 1].last = level.value } else {
                runs.append((level.value, level.value))
            }
        }
        return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)–\($0.last)" }.joined(separator: ", ")
    }

    /// "1 (emergency)", or "1" when the level has no name.
    public func describe(_ value: Int) -> String {
        guard let label = levels.first(where: { $0.value == value })?.label, !label.isEmpty else { return "\(value)" }
        return "\(value) (\(label))"
    }

    /// The priority a new call gets from its safety answers when the call-taker gives none.
    public func defaultFor(anyFlagReported: Bool) -> Int { anyFlagReported ? withSafetyFlag : defaultValue }

    /// "use 1–3, 1 most urgent": the one-line help for a value that is not on the scale.
    public var usage: String {
        "use \(valuesText), \(levels.first.map { describe($0.value) } ?? "") most urgent"
    }

    /// Whether every value is a single digit, so the console's priority field takes one key press.
    public var isSingleDigit: Bool { levels.allSatisfy { (0...9).contains($0.value) } }
}
