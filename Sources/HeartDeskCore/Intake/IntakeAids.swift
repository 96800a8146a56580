/// What helps a call-taker fill in a new call: the vocabulary that suggests call types from the caller's words, the
/// beat polygons, street guide and places file that turn a location into a beat and its cautions. Any may be missing
/// when the policy names none.
public struct IntakeAids: Sendable {
    public let vocabulary: Vocabulary?
    public let locator: BeatLocator?
    public let streets: StreetGuide?
    public let places: PlaceBook?

    public init(vocabulary: Vocabulary? = nil, locator: BeatLocator? = nil, streets: StreetGuide? = nil, places: PlaceBook? = nil) {
        self.vocabulary = vocabulary
        self.locator = locator
        self.streets = streets
        self.places = places
    }

    /// The aids `policy` names, read from their files now; a fault names the file (and line or feature).
    public static func load(for policy: Policy) throws -> IntakeAids {
        let locator = try policy.loadBeatLocator()
        let streets = try policy.streets.map { try StreetGuideReader.load(path: $0.path, displayName: $0.displayName, policy: policy) }
        let places = try policy.places.map {
            try PlacesReader.load(path: $0.path, displayName: $0.displayName, policy: policy, locator: locator, streets: streets)
        }
        return IntakeAids(vocabulary: try policy.loadVocabulary(), locator: locator, streets: streets, places: places)
    }

    /// Whether any aid can resolve a location.
    public var resolvesLocations: Bool { locator != nil || streets != nil || places != nil }

    /// What typed location text resolves to: coordinates (to a beat by polygon, and to a known place near them), a
    /// known place by name, alias or address, or an address in the street guide. Nil when none of these applies
    /// (a landmark nobody listed): the beat stays the call-taker's.
    public func resolve(_ text: String) -> ResolvedLocation? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        if let point = try? CallerLocation.coordinates(trimmed) {
            let place = places?.place(near: point)
            guard let locator else { return place.map { ResolvedLocation(beat: .beat($0.beat), source: .place, place: $0) } }
            let beat = locator.beat(at: point).map(LocatedBeat.beat) ?? .outside
            return ResolvedLocation(beat: beat, source: .coordinates, place: place)
        }
        if let place = places?.place(named: trimmed) {
            return ResolvedLocation(beat: .beat(place.beat), source: .place, place: place)
        }
        switch streets?.lookup(trimmed) ?? .unknown {
        case .found(let segment, let number, let street):
            // A listed place at this address still brings its cautions.
            return ResolvedLocation(beat: .beat(segment.beat), source: .address, place: places?.place(named: "\(number) \(street)"))
        case .numberNotOnStreet(let number, let street):
            return ResolvedLocation(beat: .numberNotOnStreet(number: number, street: street), source: .address, place: nil)
        case .unknown:
            return nil
        }
    }
}

/// What a location resolved to, and how.
public struct ResolvedLocation: Sendable, Hashable {
    /// How the beat was found.
    public enum Source: String, Sendable, Hashable {
        case coordinates = "location"
        case place
        case address
    }

    public let beat: LocatedBeat
    public let source: Source
    /// The known place the location is, or is beside, with its cautions.
    public let place: Place?

    public init(beat: LocatedBeat, source: Source, place: Place?) {
        self.beat = beat
        self.source = source
        self.place = place
    }

    /// The beat, when one was found.
    public var beatIndex: Beat.Index? {
        if case .beat(let index) = beat { return index }
        return nil
    }

    /// Why an address was not found: "E MAIN ST has no number 9000 in the street guide"; nil otherwise.
    public var addressProblem: String? {
        guard case .numberNotOnStreet(let number, let street) = beat else { return nil }
        return "\(street) has no number \(number) in the street guide"
    }
}

/// Where a location put the call.
public enum LocatedBeat: Sendable, Hashable {
    case beat(Beat.Index)
    /// Coordinates outside every beat of the policy.
    case outside
    /// An address whose street the street guide has, but not the house number.
    case numberNotOnStreet(number: Int, street: String)
}
