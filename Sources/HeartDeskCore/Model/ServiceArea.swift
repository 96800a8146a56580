/// Where a response works: the whole city, or a named list of beats.
public struct ServiceArea: Sendable {
    /// Name as the policy gives it ("citywide", "pilot").
    public let name: String
    /// For each beat index, whether the area covers it; `nil` means citywide.
    private let coversBeat: [Bool]?

    /// An area covering every beat.
    public static let citywide = ServiceArea(name: "citywide", coversBeat: nil)

    /// An area covering the given beats of a policy with `beatCount` beats.
    public init(name: String, beats: [Beat.Index], beatCount: Int) {
        var covers = [Bool](repeating: false, count: beatCount)
        for beat in beats { covers[beat.rawValue] = true }
        self.init(name: name, coversBeat: covers)
    }

    private init(name: String, coversBeat: [Bool]?) {
        self.name = name
        self.coversBeat = coversBeat
    }

    public var isCitywide: Bool { coversBeat == nil }

    /// Whether a call in `beat` is inside the area; an unknown beat (`nil`) is inside only a citywide area.
    public func covers(_ beat: Beat.Index?) -> Bool {
        guard let coversBeat else { return true }
        guard let beat else { return false }
        return coversBeat[beat.rawValue]
    }
}
