/// A unit as the roster defines it for a shift: who is on it and what it answers.
public struct UnitDefinition: Sendable, Hashable {
    /// "CRT-1".
    public let id: String
    /// The response it works for ("CRT").
    public let response: String
    public let crew: [CrewRole]
    /// Languages the crew speaks, besides the interpreter line.
    public let languages: [String]
    /// Beat it starts the shift in, for nearest-unit recommendations.
    public let homeBeat: String?
    /// Local shift hours as "HH:MM-HH:MM", for display.
    public let shiftHours: String?
    /// Status at the start of the shift.
    public let initialStatus: UnitStatus

    public init(id: String, response: String, crew: [CrewRole], languages: [String], homeBeat: String?,
                shiftHours: String?, initialStatus: UnitStatus) {
        self.id = id
        self.response = response
        self.crew = crew
        self.languages = languages
        self.homeBeat = homeBeat
        self.shiftHours = shiftHours
        self.initialStatus = initialStatus
    }

    /// The same unit with `crew` on it.
    public func withCrew(_ crew: [CrewRole]) -> UnitDefinition {
        UnitDefinition(id: id, response: response, crew: crew, languages: languages, homeBeat: homeBeat, shiftHours: shiftHours,
                       initialStatus: initialStatus)
    }
}
