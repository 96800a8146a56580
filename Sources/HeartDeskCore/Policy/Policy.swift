/// A city's routing policy: call types, safety flags, beats, responses and their rules.
///
/// Built by ``PolicyLoader`` from a YAML file and checked whole before use, so the
/// router can trust every index it holds.
public struct Policy: Sendable {
    /// Display name ("Durham HEART").
    public var name: String { storage.name }
    /// Where the policy came from, as errors and headers name it.
    public var source: String { storage.source }
    public var timeZone: TimeZoneRules { storage.timeZone }
    public var safetyFlags: [SafetyFlag] { storage.safetyFlags }
    public var callTypes: [CallType] { storage.callTypes }
    public var beats: [Beat] { storage.beats }
    /// Responses in the order the policy lists them.
    public var responses: [Response] { storage.responses }
    /// In-person responses in the order dispatch prefers them; the last takes every call.
    public var dispatchPreference: [Response.Index] { storage.dispatchPreference }
    /// Warn / alert thresholds for the queue and unit board timers.
    public var timers: BoardTimers { storage.timers }
    /// Goals for the program's headline figures, for the supervisor's board.
    public var targets: ProgramTargets { storage.targets }
    /// What the city calls its alternative-response program ("HEART"), in headings and hints.
    public var programName: String { storage.programName }
    /// The city's call priorities.
    public var priorities: PriorityScale { storage.priorities }
    /// The roles a unit's crew can have; Durham's four when the policy lists none.
    public var crewRoles: [CrewRole] { storage.crewRoles }
    /// Where the beats' polygons are (a GeoJSON file, absolute path) and which feature property names the beat.
    public var beatGeometry: BeatGeometrySource? { storage.beatGeometry }
    /// Where the words that suggest call types and safety questions are.
    public var vocabulary: PolicySideFile? { storage.vocabulary }
    /// Where the center's known places and their cautions are.
    public var places: PolicySideFile? { storage.places }
    /// Where the street guide (block ranges to beats) is.
    public var streets: PolicySideFile? { storage.streets }
    /// How to reach an interpreter when no crew speaks the caller's language ("the language line, 919-555-0100"),
    /// named in the unit recommendation; nil when the policy names none.
    public var interpreterLine: String? { storage.interpreterLine }
    /// SHA-256 of the file the policy was read from, lower-case hex: what a shift journal records at open.
    public var contentHash: String { storage.contentHash }

    /// Everything the policy holds, behind one reference: a policy is read-only once built and copied often (a
    /// router, a console state and every live decision hold one), so a copy costs one retain, not one per field.
    private let storage: Storage

    private final class Storage: Sendable {
        let name: String
        let source: String
        let timeZone: TimeZoneRules
        let safetyFlags: [SafetyFlag]
        let callTypes: [CallType]
        let beats: [Beat]
        let responses: [Response]
        let dispatchPreference: [Response.Index]
        let timers: BoardTimers
        let targets: ProgramTargets
        let programName: String
        let priorities: PriorityScale
        let crewRoles: [CrewRole]
        let beatGeometry: BeatGeometrySource?
        let vocabulary: PolicySideFile?
        let places: PolicySideFile?
        let streets: PolicySideFile?
        let interpreterLine: String?
        let contentHash: String
        let callTypesByName: [String: CallType.Index]
        /// Canonical names as recorded in calls: re-routing a recorded call looks these up without normalising text.
        let callTypesByCanonicalName: [String: CallType.Index]
        let beatsByID: [String: Beat.Index]
        /// Worked out once: the board asks for each beat's areas every frame.
        let namedServiceAreas: [ServiceArea]

        init(
            name: String, source: String, timeZone: TimeZoneRules, safetyFlags: [SafetyFlag], callTypes: [CallType], beats: [Beat],
            responses: [Response], dispatchPreference: [Response.Index], timers: BoardTimers, targets: ProgramTargets,
            programName: String, priorities: PriorityScale, crewRoles: [CrewRole], beatGeometry: BeatGeometrySource?,
            vocabulary: PolicySideFile?, places: PolicySideFile?, streets: PolicySideFile?, interpreterLine: String?,
            contentHash: String, callTypesByName: [String: CallType.Index], callTypesByCanonicalName: [String: CallType.Index],
            beatsByID: [String: Beat.Index], namedServiceAreas: [ServiceArea]
        ) {
            self.name = name
            self.source = source
            self.timeZone = timeZone
            self.safetyFlags = safetyFlags
            self.callTypes = callTypes
            self.beats = beats
            self.responses = responses
            self.dispatchPreference = dispatchPreference
            self.timers = timers
            self.targets = targets
            self.programName = programName
            self.priorities = priorities
            self.crewRoles = crewRoles
            self.beatGeometry = beatGeometry
            self.vocabulary = vocabulary
            self.places = places
            self.streets = streets
            self.interpreterLine = interpreterLine
            self.contentHash = contentHash
            self.callTypesByName = callTypesByName
            self.callTypesByCanonicalName = callTypesByCanonicalName
            self.beatsByID = beatsByID
            self.namedServiceAreas = namedServiceAreas
        }
    }

    init(
        name: String, source: String, timeZone: TimeZoneRules, safetyFlags: [SafetyFlag],
        callTypes: [CallType], beats: [Beat], responses: [Response], dispatchPreference: [Response.Index],
        timers: BoardTimers = .none, targets: ProgramTargets = .none, programName: String = Policy.defaultProgramName,
        priorities: PriorityScale = .standard, crewRoles: [CrewRole] = CrewRole.standard, beatGeometry: BeatGeometrySource? = nil,
        vocabulary: PolicySideFile? = nil, places: PolicySideFile? = nil, streets: PolicySideFile? = nil,
        interpreterLine: String? = nil, contentHash: String = ""
    ) {
        var byName: [String: CallType.Index] = [:]
        for callType in callTypes {
            for name in callType.allNames { byName[Self.key(name)] = callType.index }
        }
        var seen = Set<String>()
        storage = Storage(
            name: name, source: source, timeZone: timeZone, safetyFlags: safetyFlags, callTypes: callTypes, beats: beats,
            responses: responses, dispatchPreference: dispatchPreference, timers: timers, targets: targets, programName: programName,
            priorities: priorities, crewRoles: crewRoles, beatGeometry: beatGeometry, vocabulary: vocabulary, places: places,
            streets: streets, interpreterLine: interpreterLine, contentHash: contentHash, callTypesByName: byName,
            callTypesByCanonicalName: Dictionary(callTypes.map { ($0.name, $0.index) }, uniquingKeysWith: { first, _ in first }),
            beatsByID: Dictionary(uniqueKeysWithValues: beats.map { ($0.id, $0.index) }),
            namedServiceAreas: responses.map(\.area).filter { !$0.isCitywide && seen.insert($0.name).inserted })
    }

    /// The program's name when a policy gives none.
    public static let defaultProgramName = "alternative response"

    /// The name and file hash a shift journal records when it opens under this policy.
    public var identity: PolicyIdentity { PolicyIdentity(name: name, contentHash: contentHash) }

    /// The follow-up response ("Care Navigation"), when the policy has one.
    public var followUpResponse: Response? { responses.first { $0.kind == .followUp } }

    /// What texts call the follow-up work: the follow-up response's name, or "follow-up".
    public var followUpName: String { followUpResponse?.name ?? "follow-up" }

    /// The call type a call-taker means by `text`: its name, code or an alias, ignoring case and spacing.
    public func callType(named text: String) -> CallType? {
        if let exact = storage.callTypesByCanonicalName[text] { return callTypes[exact.rawValue] }
        return storage.callTypesByName[Self.key(text)].map { callTypes[$0.rawValue] }
    }

    /// Up to `limit` canonical call-type names closest to a misspelt `text`, best first.
    public func callTypeSuggestions(for text: String, limit: Int = 3) -> [String] {
        Self.callTypeSuggestions(for: text, among: callTypes, limit: limit)
    }

    /// The call types `text` probably meant, best first: by spelling for words, by code for codes.
    ///
    /// A code such as "5105" is compared only with codes and aliases that hold digits, one slip apart
    /// ("5150"): by spelling, every short code is "close" to it, and the list would be noise.
    static func callTypeSuggestions(for text: String, among callTypes: [CallType], limit: Int = 3) -> [String] {
        let wanted = key(text)
        guard !wanted.isEmpty else { return [] }
        func isCode(_ text: String) -> Bool { text.contains(where: \.isNumber) && !text.contains(" ") }
        let byCode = isCode(wanted)
        let scored = callTypes.map { callType -> (name: String, score: Int) in
            let names = byCode ? callType.allNames.map(key).filter(isCode) : callType.allNames.map(key)
            let best = names.map { candidate -> Int in
                if byCode { return EditDistance.between(wanted, candidate) }
                if candidate.hasPrefix(wanted) || wanted.hasPrefix(candidate) { return 0 }
                if candidate.contains(wanted) { return 1 }
                return EditDistance.between(wanted, candidate)
            }.min() ?? Int.max
            return (callType.name, best)
        }
        // A suggestion further off than a third of the word is noise, not help; a code is one slip or nothing.
        let tolerance = byCode ? 1 : max(2, wanted.count / 3)
        return scored.filter { $0.score <= tolerance }
            .sorted { ($0.score, $0.name) < ($1.score, $1.name) }
            .prefix(limit)
            .map(\.name)
    }

    /// The beat with this id ("111").
    public func beat(id: String) -> Beat? {
        if let exact = storage.beatsByID[id] { return beats[exact.rawValue] }
        return storage.beatsByID[id.trimmingWhitespace].map { beats[$0.rawValue] }
    }

    /// The safety flag with this id ("weapon").
    public func safetyFlag(id: String) -> SafetyFlag? {
        safetyFlags.first { $0.id == id }
    }

    /// The response with this id ("CRT"), ignoring case.
    public func response(id: String) -> Response? {
        // Events and units carry the canonical id: found without making a lower-cased copy of every id.
        if let exact = responses.first(where: { $0.id == id }) { return exact }
        let wanted = id.lowercased()
        return responses.first { $0.id.lowercased() == wanted }
    }

    /// The named (not citywide) service areas the responses work in, in policy order.
    public var localServiceAreas: [ServiceArea] { storage.namedServiceAreas }

    /// Names of the local service areas covering `beat` ("pilot"); empty when it is outside all of them.
    public func serviceAreas(covering beat: Beat.Index) -> [String] {
        localServiceAreas.filter { $0.covers(beat) }.map(\.name)
    }

    public subscript(index: Response.Index) -> Response { responses[index.rawValue] }
    public subscript(index: CallType.Index) -> CallType { callTypes[index.rawValue] }
    public subscript(index: Beat.Index) -> Beat { beats[index.rawValue] }

    /// Names compare without case, and with runs of spaces, hyphens and underscores as one space.
    static func key(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
            .joined(separator: " ")
    }
}

extension String {
    /// The text without leading and trailing white space.
    ///
    /// Every scalar of every data file passes through here: the common case, nothing to trim, is
    /// answered from the first and last bytes without walking characters.
    var trimmingWhitespace: String {
        guard let head = utf8.first, let tail = utf8.last else { return self }
        func plainEdge(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if plainEdge(head) && plainEdge(tail) { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
