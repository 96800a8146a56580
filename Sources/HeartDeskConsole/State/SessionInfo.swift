/// Who is at this console and on which journal: the header's fixed part.
public struct SessionInfo: Sendable, Hashable {
    public var operatorName: String
    public var position: String
    /// The journal's file name, for the header.
    public var journalName: String
    /// "ok", or what happened to the journal ("torn record 12 cut, copy kept").
    public var journalHealth: String
    /// Set for a tabletop exercise: the header says EXERCISE and the speed.
    public var exercise: ExerciseClockInfo?
    /// Opened to watch only (`--read-only`): the header says so and the keys that record are greyed.
    public var isReadOnly: Bool
    /// Charts drawn in plain ASCII: the terminal's locale is not UTF-8, or the theme is monochrome.
    public var asciiCharts = false

    public init(operatorName: String, position: String, journalName: String, journalHealth: String = "ok",
                exercise: ExerciseClockInfo? = nil, isReadOnly: Bool = false) {
        self.operatorName = operatorName
        self.position = position
        self.journalName = journalName
        self.journalHealth = journalHealth
        self.exercise = exercise
        self.isReadOnly = isReadOnly
    }
}

/// How an exercise's simulated clock runs, as the header shows it.
public struct ExerciseClockInfo: Sendable, Hashable {
    public var speed: Double
    public var isPaused: Bool

    public init(speed: Double, isPaused: Bool) {
        self.speed = speed
        self.isPaused = isPaused
    }
}
