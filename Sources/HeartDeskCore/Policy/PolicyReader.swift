import Yams

/// Walks a composed YAML tree into a ``Policy``, checking as it goes and failing at the first fault.
struct PolicyReader: YAMLWalking {
    let source: String
    /// The hash of the file being read, kept in the policy so a shift journal can record which file it ran under.
    var contentHash = ""
    /// The folder files named in the policy (`beatGeometry`) are found in; nil: the current folder.
    var directory: String?
    /// How messages name that folder's files: "(built in)" for the shipped policy.
    var builtIn = false

    // MARK: The whole file

    func policy(from root: Node) throws -> Policy {
        let top = try fields(of: root, what: "the policy",
                             required: ["name", "timeZone", "callTypes", "responses", "dispatchPreference", "beats"],
                             optional: ["safetyFlags", "serviceAreas", "timers", "targets", "program", "priorities", "crewRoles", "beatGeometry", "vocabulary",
                                        "places", "streets", "interpreterLine"])
        let name = try string(top["name"]!, what: "name")
        let zoneNode = top["timeZone"]!
        let zoneName = try string(zoneNode, what: "timeZone")
        guard let timeZone = TimeZoneRules(identifier: zoneName) else {
            throw fail(zoneNode, "unknown time zone '\(zoneName)': use an IANA name such as America/New_York")
        }
        let flags = try safetyFlags(top["safetyFlags"])
        let callTypes = try callTypes(top["callTypes"]!)
        let beats = try beats(top["beats"]!)
        let areas = try serviceAreas(top["serviceAreas"], beats: beats)
        let responses = try responses(top["responses"]!, callTypes: callTypes, flags: flags, beats: beats, areas: areas)
        let preference = try dispatchPreference(top["dispatchPreference"]!, responses: responses)
        let timers = try boardTimers(top["timers"])
        let targets = try programTargets(top["targets"])
        let program = try top["program"].map { try string($0, what: "program") } ?? Policy.defaultProgramName
        return Policy(name: name, source: source, timeZone: timeZone, safetyFlags: flags, callTypes: callTypes,
                      beats: beats, responses: responses, dispatchPreference: preference, timers: timers, targets: targets,
                      programName: program, priorities: try priorityScale(top["priorities"]),
                      crewRoles: try crewRoles(top["crewRoles"]), beatGeometry: try beatGeometry(top["beatGeometry"]),
                      vocabulary: try sideFile(top["vocabulary"], what: "vocabulary"), places: try sideFile(top["places"], what: "places"),
                      streets: try sideFile(top["streets"], what: "streets"),
                      interpreterLine: try top["interpreterLine"].map { try string($0, what: "interpreterLine") }, contentHash: contentHash)
    }

    // MARK: Sections

    private func safetyFlags(_ node: Node?) throws -> [SafetyFlag] {
        guard let node else { return [] }
        var result: [SafetyFlag] = []
        for item in try sequence(node, what: "safetyFlags") {
            let f = try fields(of: item, what: "a safety flag", required: ["id", "question", "label"],
                               optional: ["required"])
            let id = try string(f["id"]!, what: "safety flag id")
            if result.contains(where: { $0.id == id }) { throw fail(f["id"]!, "safety flag '\(id)' is defined twice") }
            guard result.count < SafetyFlagSet.capacity else {
                throw fail(item, "a policy may define at most \(SafetyFlagSet.capacity) safety flags")
            }
            result.append(SafetyFlag(index: result.count, id: id,
                                     question: try string(f["question"]!, what: "question"),
                                     label: try string(f["label"]!, what: "label"),
                                     isRequired: try f["required"].map { try bool($0, what: "required") } ?? false))
        }
        return result
    }

    private func callTypes(_ node: Node) throws -> [CallType] {
        var result: [CallType] = []
        var owners: [String: (name: String, entry: Int, line: Int?)] = [:]  // normalised name → call type entry that has it
        for (entry, item) in try sequence(node, what: "callTypes").enumerated() {
            let f = try fields(of: item, what: "a call type", required: ["name", "code"], optional: ["aliases", "tags"])
            let name = try string(f["name"]!, what: "call type name")
            let code = try string(f["code"]!, what: "call type code")
            let aliases = try f["aliases"].map { try strings($0, what: "aliases") } ?? []
            let tags = try f["tags"].map { try strings($0, what: "tags") } ?? []
            for (label, text, at) in [("name", name, f["name"]!), ("code", code, f["code"]!)]
                + aliases.map({ ("alias", $0, f["aliases"]!) }) {
                let key = Policy.key(text)
                // A code that spells the name ("Abuse" / ABUSE) is no clash; another entry's name is, even its own name twice.
                if let owner = owners[key], owner.entry != entry {
                    let first = owner.line.map { " (first on line \($0))" } ?? ""
                    if label == "name" && Policy.key(owner.name) == key {
                        throw fail(at, "call type '\(name)' is defined twice\(first): rules would attach to only one of them")
                    }
                    throw fail(at, "\(label) '\(text)' of \(name) is already used by \(owner.name)\(first)")
                }
                owners[key] = (name, entry, line(of: item))
            }
            result.append(CallType(index: .init(result.count), name: name, code: code, aliases: aliases, tags: tags))
        }
        if result.isEmpty { throw fail(node, "callTypes is empty: a policy needs at least one call type") }
        return result
    }

    private func beats(_ node: Node) throws -> [Beat] {
        var result: [Beat] = []
        var lines: [String: Int] = [:]
        var neighborNodes: [(String, Node)] = []
        for item in try sequence(node, what: "beats") {
            let f = try fields(of: item, what: "a beat", required: ["id", "district", "centroid"],
                               optional: ["neighbors", "areaKm2", "population"])
            let id = try string(f["id"]!, what: "beat id")
            if let first = lines[id] { throw fail(f["id"]!, "beat \(id) is listed twice (first on line \(first))") }
            lines[id] = line(of: f["id"]!) ?? 0
            let centroidNode = f["centroid"]!
            let pair = try sequence(centroidNode, what: "centroid")
            guard pair.count == 2, let lat = Double(try string(pair[0], what: "latitude")),
                  let lon = Double(try string(pair[1], what: "longitude")),
                  (-90...90).contains(lat), (-180...180).contains(lon)
            else { throw fail(centroidNode, "centroid of beat \(id) must be [latitude, longitude] in degrees") }
            let neighbors = try f["neighbors"].map { try strings($0, what: "neighbors") } ?? []
            if let n = f["neighbors"] { neighborNodes.append((id, n)) }
            result.append(Beat(index: .init(result.count), id: id,
                               district: try string(f["district"]!, what: "district"),
                               centroid: Coordinate(latitude: lat, longitude: lon),
                               neighbors: neighbors,
                               areaKm2: try f["areaKm2"].map { try number($0, what: "areaKm2") },
                               population: try f["population"].map { try wholeNumber($0, what: "population", limit: 100_000_000) }))
        }
        if result.isEmpty { throw fail(node, "beats is empty: a policy needs at least one beat") }
        for (id, neighborsNode) in neighborNodes {
            for neighbor in try sequence(neighborsNode, what: "neighbors") {
                let neighborID = try string(neighbor, what: "neighbor")
                if lines[neighborID] == nil { throw fail(neighbor, "beat \(id) names unknown neighbour beat \(neighborID)") }
            }
        }
        return result
    }

    private func serviceAreas(_ node: Node?, beats: [Beat]) throws -> [String: [Beat.Index]] {
        guard let node else { return [:] }
        guard let mapping = node.mapping else { throw fail(node, "serviceAreas must map area names to lists of beats") }
        var result: [String: [Beat.Index]] = [:]
        let beatIndex = Dictionary(uniqueKeysWithValues: beats.map { ($0.id, $0.index) })
        for (keyNode, value) in mapping {
            let name = try string(keyNode, what: "service area name")
            if name == "citywide" { throw fail(keyNode, "'citywide' is built in and cannot be redefined") }
            var members: [Beat.Index] = []
            for beatNode in try sequence(value, what: "service area \(name)") {
                let id = try string(beatNode, what: "beat")
                guard let index = beatIndex[id] else { throw fail(beatNode, "service area \(name) names unknown beat \(id)") }
                if members.contains(index) { throw fail(beatNode, "beat \(id) is listed twice in service area \(name)") }
                members.append(index)
            }
            if members.isEmpty { throw fail(value, "service area \(name) has no beats") }
            result[name] = members
        }
        return result
    }

    private func responses(
        _ node: Node, callTypes: [CallType], flags: [SafetyFlag], beats: [Beat], areas: [String: [Beat.Index]]
    ) throws -> [Response] {
        let items = try sequence(node, what: "responses")
        if items.isEmpty { throw fail(node, "responses is empty: a policy needs at least one response") }
        // Ids first: a follow-up may name a response listed after it.
        var ids: [String: Response.Index] = [:]
        for item in items {
            let f = try fields(of: item, what: "a response",
                               required: ["id", "name", "kind", "area", "hours"], optional: ["eligible", "after"])
            let id = try string(f["id"]!, what: "response id")
            if ids[id.lowercased()] != nil { throw fail(f["id"]!, "response \(id) is defined twice") }
            ids[id.lowercased()] = Response.Index(ids.count)
        }
        // A rule may name a call type as the call-taker would: by name, code or alias.
        var callTypeIndex: [String: CallType.Index] = [:]
        for callType in callTypes {
            for name in callType.allNames { callTypeIndex[Policy.key(name)] = callType.index }
        }
        var result: [Response] = []
        for item in items {
            let f = try fields(of: item, what: "a response",
                               required: ["id", "name", "kind", "area", "hours"], optional: ["eligible", "after"])
            let id = try string(f["id"]!, what: "response id")
            let kindText = try string(f["kind"]!, what: "kind")
            guard let kind = Response.Kind(rawValue: kindText) else {
                throw fail(f["kind"]!, "response \(id) has unknown kind '\(kindText)': use phone, in-person or follow-up")
            }
            let areaName = try string(f["area"]!, what: "area")
            let area: ServiceArea
            if areaName == "citywide" {
                area = .citywide
            } else if let members = areas[areaName] {
                area = ServiceArea(name: areaName, beats: members, beatCount: beats.count)
            } else {
                throw fail(f["area"]!, "response \(id) names unknown service area '\(areaName)'")
            }
            let hours = try weeklyHours(f["hours"]!, response: id)
            let eligibility: Response.Eligibility
            if kind == .followUp {
                if let extra = f["eligible"] { throw fail(extra, "follow-up \(id) takes `after:`, not `eligible:`") }
                guard let afterNode = f["after"] else {
                    throw fail(item, "follow-up \(id) has no call types: say which responses it follows with `after:`")
                }
                var after: [Response.Index] = []
                for ref in try sequence(afterNode, what: "after") {
                    let name = try string(ref, what: "response")
                    guard let index = ids[name.lowercased()] else { throw fail(ref, "follow-up \(id) names unknown response \(name)") }
                    after.append(index)
                }
                if after.isEmpty { throw fail(afterNode, "follow-up \(id) has no call types: `after:` is empty") }
                eligibility = .followUp(after: after)
            } else {
                if let extra = f["after"] { throw fail(extra, "only a follow-up takes `after:`; \(id) is \(kind.rawValue)") }
                guard let eligibleNode = f["eligible"] else {
                    throw fail(item, "response \(id) has no call types: add `eligible:` rules (or `eligible: any`)")
                }
                eligibility = try self.eligibility(eligibleNode, response: id, callTypes: callTypes,
                                                   callTypeIndex: callTypeIndex, flags: flags)
            }
            result.append(Response(index: .init(result.count), id: id, name: try string(f["name"]!, what: "name"),
                                   kind: kind, area: area, hours: hours, eligibility: eligibility))
        }
        return result
    }

    private func eligibility(
        _ node: Node, response: String, callTypes: [CallType], callTypeIndex: [String: CallType.Index], flags: [SafetyFlag]
    ) throws -> Response.Eligibility {
        if let scalar = node.scalar {
            guard scalar.string == "any" else {
                throw fail(node, "eligible of \(response) must be `any` or a list of rules with callTypes")
            }
            return .anyCall
        }
        var conditions = [EligibilityCondition?](repeating: nil, count: callTypes.count)
        var listed = 0
        for rule in try sequence(node, what: "eligible") {
            let f = try fields(of: rule, what: "an eligibility rule", required: ["callTypes"], optional: ["unless", "onlyIf"])
            if f["unless"] != nil, let onlyIf = f["onlyIf"] {
                throw fail(onlyIf, "a rule takes `unless` or `onlyIf`, not both: split it in two")
            }
            let condition: EligibilityCondition
            if let unless = f["unless"] {
                condition = .unlessAny(try flagSet(unless, flags: flags))
            } else if let onlyIf = f["onlyIf"] {
                condition = .onlyIfAny(try flagSet(onlyIf, flags: flags))
            } else {
                condition = .always
            }
            for typeNode in try sequence(f["callTypes"]!, what: "callTypes") {
                let name = try string(typeNode, what: "call type")
                guard let index = callTypeIndex[Policy.key(name)] else {
                    let known = Policy.callTypeSuggestions(for: name, among: callTypes)
                    let hint = known.isEmpty ? "" : " (did you mean \(known.joined(separator: ", "))?)"
                    throw fail(typeNode, "response \(response) names unknown call type '\(name)'\(hint)")
                }
                if conditions[index.rawValue] != nil {
                    throw fail(typeNode, "call type \(callTypes[index.rawValue].name) is listed twice for \(response)")
                }
                conditions[index.rawValue] = condition
                listed += 1
            }
        }
        if listed == 0 { throw fail(node, "response \(response) has no call types") }
        return .byCallType(conditions)
    }

    private func flagSet(_ node: Node, flags: [SafetyFlag]) throws -> SafetyFlagSet {
        var set = SafetyFlagSet()
        for flagNode in try sequence(node, what: "safety flags") {
            let id = try string(flagNode, what: "safety flag")
            guard let flag = flags.first(where: { $0.id == id }) else {
                let known = flags.map(\.id).joined(separator: ", ")
                throw fail(flagNode, "unknown safety flag '\(id)' (known: \(known.isEmpty ? "none" : known))")
            }
            set.insert(SafetyFlagSet(index: flag.index))
        }
        if set.isEmpty { throw fail(node, "the flag list is empty") }
        return set
    }

    private func weeklyHours(_ node: Node, response: String) throws -> WeeklyHours {
        if let scalar = node.scalar {
            guard scalar.string == "always" else { throw fail(node, "hours of \(response) must be `always` or a list of {days, open, close}") }
            return .always
        }
        var spans = [[WeeklyHours.Span]](repeating: [], count: 7)
        for entry in try sequence(node, what: "hours") {
            let f = try fields(of: entry, what: "an hours entry", required: ["days", "open", "close"])
            let days = try weekdays(f["days"]!)
            let open = try clockTime(f["open"]!)
            let close = try clockTime(f["close"]!)
            guard open < close else {
                throw fail(f["close"]!, "\(response) closes at \(ClockTime.format(close)), not after it opens at "
                           + "\(ClockTime.format(open)): write overnight hours as two entries")
            }
            for day in days {
                if let clash = spans[day.rawValue].first(where: { $0.open < close && open < $0.close }) {
                    throw fail(entry, "\(response) hours overlap on \(day.shortName) "
                               + "(\(ClockTime.format(clash.open))–\(ClockTime.format(clash.close)))")
                }
                spans[day.rawValue].append(WeeklyHours.Span(open: open, close: close))
            }
        }
        return WeeklyHours(spansByDay: spans)
    }

    private func clockTime(_ node: Node) throws -> Int {
        let text = try string(node, what: "time")
        guard let minutes = ClockTime.parse(text) else {
            throw fail(node, "'\(text)' is not a time of day: use HH:MM from 00:00 to 24:00, in quotes")
        }
        return minutes
    }

    /// "Mon-Fri", "every day", "weekends", "Sat, Sun", "Mon, Wed–Fri".
    private func weekdays(_ node: Node) throws -> [Weekday] {
        let text = try string(node, what: "days")
        switch text.lowercased() {
        case "every day", "daily": return Weekday.allCases
        case "weekdays": return Array(Weekday.allCases[0..<5])
        case "weekends": return [.saturday, .sunday]
        default: break
        }
        var days: [Weekday] = []
        for part in text.split(separator: ",") {
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingWhitespace }
            guard (1...2).contains(ends.count), let first = Weekday(name: ends[0]), let last = Weekday(name: ends.last!) else {
                throw fail(node, "cannot read days '\(text)': use e.g. Mon-Fri, Sat, Sun, every day")
            }
            var day = first
            while true {
                if !days.contains(day) { days.append(day) }
                if day == last { break }
                day = Weekday(rawValue: (day.rawValue + 1) % 7)!
            }
        }
        return days
    }

    private func boardTimers(_ node: Node?) throws -> BoardTimers {
        guard let node else { return .none }
        let f = try fields(of: node, what: "timers", required: [], optional: ["pendingCall", "unitStatus"])
        let pending = try f["pendingCall"].map { try thresholds($0, what: "timers.pendingCall") }
        var byStatus: [UnitStatus: TimerThresholds] = [:]
        if let statusNode = f["unitStatus"] {
            guard let mapping = statusNode.mapping else { throw fail(statusNode, "timers.unitStatus must map unit statuses to {warn, alert}") }
            for (keyNode, value) in mapping {
                let name = try string(keyNode, what: "unit status")
                guard let status = UnitStatus(rawValue: name) else {
                    let known = UnitStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail(keyNode, "unknown unit status '\(name)' in timers (expected one of: \(known))")
                }
                byStatus[status] = try thresholds(value, what: "timers.unitStatus.\(name)")
            }
        }
        return BoardTimers(pendingCall: pending, unitStatus: byStatus)
    }

    /// `beatGeometry: {file: durham-beats.geojson, beatProperty: beat}`: the file is found beside the policy, and read
    /// only when a location is resolved (its faults are reported then, by feature).
    private func beatGeometry(_ node: Node?) throws -> BeatGeometrySource? {
        guard let node else { return nil }
        let f = try fields(of: node, what: "beatGeometry", required: ["file"], optional: ["beatProperty"])
        let file = try string(f["file"]!, what: "beatGeometry.file")
        guard file.hasSuffix(".geojson") || file.hasSuffix(".json") else {
            throw fail(f["file"]!, "beatGeometry.file must be a GeoJSON file (.geojson), not '\(file)'")
        }
        let path = file.hasPrefix("/") ? file : (directory.map { $0 + "/" } ?? "") + file
        return BeatGeometrySource(path: path, displayName: builtIn ? "\(file) (built in)" : path,
                                  property: try f["beatProperty"].map { try string($0, what: "beatProperty") } ?? "beat")
    }

    /// `vocabulary: durham-vocabulary.yaml` (or `places:`, `streets:`): a YAML file found beside the policy and read
    /// when a call is taken.
    private func sideFile(_ node: Node?, what: String) throws -> PolicySideFile? {
        guard let node else { return nil }
        let file = try string(node, what: what)
        guard file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { throw fail(node, "\(what) must be a YAML file, not '\(file)'") }
        let path = file.hasPrefix("/") ? file : (directory.map { $0 + "/" } ?? "") + file
        return PolicySideFile(path: path, displayName: builtIn ? "\(file) (built in)" : path)
    }

    /// `crewRoles: [{id: social-worker, letter: S, label: social worker, sworn: false}, …]`.
    private func crewRoles(_ node: Node?) throws -> [CrewRole] {
        guard let node else { return CrewRole.standard }
        var roles: [CrewRole] = []
        for item in try sequence(node, what: "crewRoles") {
            let f = try fields(of: item, what: "a crew role", required: ["id", "letter", "label"], optional: ["sworn"])
            let id = try string(f["id"]!, what: "crew role id")
            if roles.contains(where: { $0.id == id }) { throw fail(f["id"]!, "crew role '\(id)' is defined twice") }
            let letter = try string(f["letter"]!, what: "letter")
            guard letter.count <= 2 else { throw fail(f["letter"]!, "the letter of crew role \(id) is one or two characters, not '\(letter)'") }
            roles.append(CrewRole(id: id, letter: letter, label: try string(f["label"]!, what: "label"),
                                  isSworn: try f["sworn"].map { try bool($0, what: "sworn") } ?? false))
        }
        if roles.isEmpty { throw fail(node, "crewRoles is empty: a roster needs at least one role") }
        return roles
    }

    /// `priorities: {levels: [{value: 1, label: emergency}, …], default: 2, withSafetyFlag: 1}`.
    private func priorityScale(_ node: Node?) throws -> PriorityScale {
        guard let node else { return .standard }
        let f = try fields(of: node, what: "priorities", required: ["levels", "default", "withSafetyFlag"])
        var levels: [PriorityScale.Level] = []
        for item in try sequence(f["levels"]!, what: "priorities.levels") {
            let level = try fields(of: item, what: "a priority level", required: ["value"], optional: ["label"])
            let value = try wholeNumber(level["value"]!, what: "priority value", limit: 99)
            if levels.contains(where: { $0.value == value }) { throw fail(level["value"]!, "priority \(value) is listed twice") }
            levels.append(.init(value: value, label: try level["label"].map { try string($0, what: "priority label") } ?? ""))
        }
        if levels.isEmpty { throw fail(f["levels"]!, "priorities.levels is empty") }
        let scale = PriorityScale(levels: levels, defaultValue: try wholeNumber(f["default"]!, what: "priorities.default", limit: 99),
                                  withSafetyFlag: try wholeNumber(f["withSafetyFlag"]!, what: "priorities.withSafetyFlag", limit: 99))
        for key in ["default", "withSafetyFlag"] {
            let value = key == "default" ? scale.defaultValue : scale.withSafetyFlag
            if !scale.contains(value) { throw fail(f[key]!, "priorities.\(key) \(value) is not one of the levels (\(scale.valuesText))") }
        }
        return scale
    }

    private func programTargets(_ node: Node?) throws -> ProgramTargets {
        guard let node else { return .none }
        let f = try fields(of: node, what: "targets", required: [], optional: ["timeToDispatch", "dispatchToScene", "backupRate"])
        func withinTime(_ key: String) throws -> ProgramTargets.WithinTime? {
            guard let node = f[key] else { return nil }
            let t = try fields(of: node, what: "targets.\(key)", required: ["withinMinutes", "share"])
            let minutes = try number(t["withinMinutes"]!, what: "targets.\(key).withinMinutes")
            guard minutes > 0 else { throw fail(t["withinMinutes"]!, "targets.\(key).withinMinutes must be more than 0") }
            return ProgramTargets.WithinTime(seconds: minutes * 60, share: try percent(t["share"]!, what: "targets.\(key).share"))
        }
        var backupRate: Double?
        if let node = f["backupRate"] {
            let b = try fields(of: node, what: "targets.backupRate", required: ["atMost"])
            backupRate = try percent(b["atMost"]!, what: "targets.backupRate.atMost")
        }
        return ProgramTargets(timeToDispatch: try withinTime("timeToDispatch"), dispatchToScene: try withinTime("dispatchToScene"),
                              backupRate: backupRate)
    }

    /// A percentage, 0 to 100, as a share 0...1.
    private func percent(_ node: Node, what: String) throws -> Double {
        let value = try number(node, what: "\(what) (percent)")
        guard (0...100).contains(value) else { throw fail(node, "\(what) must be a percentage from 0 to 100, not \(value)") }
        return value / 100
    }

    /// `{warn: 2, alert: 5}` in minutes; alert must not come before warn.
    private func thresholds(_ node: Node, what: String) throws -> TimerThresholds {
        let f = try fields(of: node, what: what, required: ["warn", "alert"])
        let warn = try number(f["warn"]!, what: "\(what).warn (minutes)")
        let alert = try number(f["alert"]!, what: "\(what).alert (minutes)")
        guard alert >= warn else { throw fail(f["alert"]!, "\(what): alert after \(alert) min comes before warn after \(warn) min") }
        return TimerThresholds(warn: warn * 60, alert: alert * 60)
    }

    private func dispatchPreference(_ node: Node, responses: [Response]) throws -> [Response.Index] {
        var result: [Response.Index] = []
        for ref in try sequence(node, what: "dispatchPreference") {
            let id = try string(ref, what: "response")
            guard let response = responses.first(where: { $0.id.lowercased() == id.lowercased() }) else {
                throw fail(ref, "dispatchPreference names unknown response \(id)")
            }
            guard response.kind == .inPerson else {
                throw fail(ref, "dispatchPreference lists \(id), which is \(response.kind.rawValue): only in-person responses are dispatched")
            }
            if result.contains(response.index) { throw fail(ref, "\(id) is listed twice in dispatchPreference") }
            result.append(response.index)
        }
        for response in responses where response.kind == .inPerson && !result.contains(response.index) {
            throw fail(node, "in-person response \(response.id) is missing from dispatchPreference")
        }
        guard let last = result.last.map({ responses[$0.rawValue] }) else {
            throw fail(node, "dispatchPreference is empty")
        }
        guard case .anyCall = last.eligibility, last.area.isCitywide, last.hours.isAlways else {
            throw fail(node, "the last response in dispatchPreference (\(last.id)) must take every call, citywide, always "
                       + "(eligible: any, area: citywide, hours: always), so every call gets a dispatch")
        }
        return result
    }
}
