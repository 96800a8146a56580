import Foundation

/// A checked policy as bytes, so the next process that loads the same file skips YAML and the checks.
///
/// Stored beside nothing the user sees: `PolicyCache` keeps it under the file's SHA-256. Reading is defensive —
/// every count is bounded by the bytes left and every index is checked against what it points into — because a
/// cache file is still a file: a damaged one must mean "parse the YAML again", never a trap in the router.
enum CompiledPolicy {
    /// Bumped whenever the layout below changes: an old cache then simply misses.
    static let magic = Array("HEARTDESK-POLICY-6\n".utf8)

    struct Unreadable: Error {}

    // MARK: Writing

    static func encode(_ policy: Policy, zoneTable: (transitions: [Int64], offsets: [Int])) -> [UInt8] {
        var w = Writer()
        w.bytes += magic
        w.string(policy.contentHash)
        w.string(policy.name)
        w.string(policy.programName)
        w.string(policy.timeZone.identifier)
        w.count(zoneTable.transitions.count)
        for t in zoneTable.transitions { w.signed(t) }
        w.count(zoneTable.offsets.count)
        for o in zoneTable.offsets { w.signed(Int64(o)) }
        w.count(policy.safetyFlags.count)
        for flag in policy.safetyFlags {
            w.string(flag.id); w.string(flag.question); w.string(flag.label); w.bool(flag.isRequired)
        }
        w.count(policy.callTypes.count)
        for type in policy.callTypes {
            w.string(type.name); w.string(type.code); w.strings(type.aliases); w.strings(type.tags)
        }
        w.count(policy.beats.count)
        for beat in policy.beats {
            w.string(beat.id); w.string(beat.district); w.double(beat.centroid.latitude); w.double(beat.centroid.longitude)
            w.strings(beat.neighbors)
            w.optional(beat.areaKm2) { $0.double($1) }
            w.optional(beat.population) { $0.number($1) }
        }
        w.count(policy.responses.count)
        for response in policy.responses {
            w.string(response.id); w.string(response.name); w.string(response.kind.rawValue)
            w.string(response.area.name)
            w.bool(response.area.isCitywide)
            if !response.area.isCitywide {
                let members = policy.beats.map(\.index).filter { response.area.covers($0) }
                w.count(members.count)
                for beat in members { w.count(beat.rawValue) }
            }
            for day in response.hours.spansByDay {
                w.count(day.count)
                for span in day { w.number(span.open); w.number(span.close) }
            }
            switch response.eligibility {
            case .anyCall: w.u8(0)
            case .followUp(let after):
                w.u8(1); w.count(after.count)
                for index in after { w.count(index.rawValue) }
            case .byCallType(let conditions):
                w.u8(2); w.count(conditions.count)
                for condition in conditions {
                    switch condition {
                    case nil: w.u8(0)
                    case .always?: w.u8(1)
                    case .unlessAny(let set)?: w.u8(2); w.u64(set.rawValue)
                    case .onlyIfAny(let set)?: w.u8(3); w.u64(set.rawValue)
                    }
                }
            }
        }
        w.count(policy.dispatchPreference.count)
        for index in policy.dispatchPreference { w.count(index.rawValue) }
        w.optional(policy.timers.pendingCall) { $0.double($1.warn); $0.double($1.alert) }
        let statuses = policy.timers.unitStatus.sorted { $0.key.rawValue < $1.key.rawValue }
        w.count(statuses.count)
        for (status, thresholds) in statuses { w.string(status.rawValue); w.double(thresholds.warn); w.double(thresholds.alert) }
        for within in [policy.targets.timeToDispatch, policy.targets.dispatchToScene] {
            w.optional(within) { $0.double($1.seconds); $0.double($1.share) }
        }
        w.optional(policy.targets.backupRate) { $0.double($1) }
        w.count(policy.priorities.levels.count)
        for level in policy.priorities.levels { w.number(level.value); w.string(level.label) }
        w.number(policy.priorities.defaultValue); w.number(policy.priorities.withSafetyFlag)
        w.count(policy.crewRoles.count)
        for role in policy.crewRoles { w.string(role.id); w.string(role.letter); w.string(role.label); w.bool(role.isSworn) }
        w.optional(policy.beatGeometry) { $0.string($1.path); $0.string($1.displayName); $0.string($1.property) }
        for side in [policy.vocabulary, policy.places, policy.streets] { w.optional(side) { $0.string($1.path); $0.string($1.displayName) } }
        w.optional(policy.interpreterLine) { $0.string($1) }
        return w.bytes
    }

    // MARK: Reading

    /// The policy in `bytes`, checked to be the one for `contentHash`, with `source` as its name in messages.
    static func decode(_ bytes: [UInt8], contentHash: String, source: String) throws -> Policy {
        var r = Reader(bytes: bytes)
        guard Array(try r.take(magic.count)) == magic, try r.string() == contentHash else { throw Unreadable() }
        let name = try r.string(), program = try r.string(), zoneID = try r.string()
        var transitions: [Int64] = []
        for _ in 0..<(try r.count()) { transitions.append(try r.signed()) }
        var offsets: [Int] = []
        for _ in 0..<(try r.count()) { offsets.append(Int(try r.signed())) }
        guard offsets.count == transitions.count + 1, zip(transitions, transitions.dropFirst()).allSatisfy({ $0 < $1 }),
              offsets.allSatisfy({ abs($0) <= 86_400 }),
              let zone = TimeZoneRules(identifier: zoneID, transitions: transitions, offsets: offsets) else { throw Unreadable() }
        var flags: [SafetyFlag] = []
        let flagCount = try r.count()
        guard flagCount <= SafetyFlagSet.capacity else { throw Unreadable() }
        for index in 0..<flagCount {
            flags.append(SafetyFlag(index: index, id: try r.string(), question: try r.string(), label: try r.string(),
                                    isRequired: try r.bool()))
        }
        let knownFlags: UInt64 = flagCount == 64 ? .max : (1 << UInt64(flagCount)) - 1
        var callTypes: [CallType] = []
        for index in 0..<(try r.count()) {
            callTypes.append(CallType(index: .init(index), name: try r.string(), code: try r.string(), aliases: try r.strings(),
                                      tags: try r.strings()))
        }
        var beats: [Beat] = []
        for index in 0..<(try r.count()) {
            let id = try r.string(), district = try r.string(), lat = try r.double(), lon = try r.double()
            guard (-90...90).contains(lat), (-180...180).contains(lon) else { throw Unreadable() }
            beats.append(Beat(index: .init(index), id: id, district: district, centroid: Coordinate(latitude: lat, longitude: lon),
                              neighbors: try r.strings(), areaKm2: try r.optional { try $0.double() },
                              population: try r.optional { try $0.number() }))
        }
        guard !callTypes.isEmpty, !beats.isEmpty else { throw Unreadable() }
        var responses: [Response] = []
        let responseCount = try r.count()
        for index in 0..<responseCount {
            let id = try r.string(), responseName = try r.string()
            guard let kind = Response.Kind(rawValue: try r.string()) else { throw Unreadable() }
            let areaName = try r.string()
            let area: ServiceArea
            if try r.bool() {
                area = .citywide
            } else {
                var members: [Beat.Index] = []
                for _ in 0..<(try r.count()) {
                    let beat = try r.count()
                    guard beat < beats.count else { throw Unreadable() }
                    members.append(.init(beat))
                }
                area = ServiceArea(name: areaName, beats: members, beatCount: beats.count)
            }
            var spans: [[WeeklyHours.Span]] = []
            for _ in 0..<7 {
                var day: [WeeklyHours.Span] = []
                for _ in 0..<(try r.count()) {
                    let open = try r.number(), close = try r.number()
                    guard open < close, close <= 1440 else { throw Unreadable() }
                    day.append(.init(open: open, close: close))
                }
                spans.append(day)
            }
            let eligibility: Response.Eligibility
            switch try r.u8() {
            case 0: eligibility = .anyCall
            case 1:
                var after: [Response.Index] = []
                for _ in 0..<(try r.count()) {
                    let other = try r.count()
                    guard other < responseCount else { throw Unreadable() }
                    after.append(.init(other))
                }
                eligibility = .followUp(after: after)
            case 2:
                guard try r.count() == callTypes.count else { throw Unreadable() }
                var conditions: [EligibilityCondition?] = []
                for _ in callTypes {
                    switch try r.u8() {
                    case 0: conditions.append(nil)
                    case 1: conditions.append(.always)
                    case let tag where tag == 2 || tag == 3:
                        let set = try r.u64()
                        guard set & ~knownFlags == 0 else { throw Unreadable() }
                        conditions.append(tag == 2 ? .unlessAny(SafetyFlagSet(rawValue: set)) : .onlyIfAny(SafetyFlagSet(rawValue: set)))
                    default: throw Unreadable()
                    }
                }
                eligibility = .byCallType(conditions)
            default: throw Unreadable()
            }
            responses.append(Response(index: .init(index), id: id, name: responseName, kind: kind, area: area,
                                      hours: WeeklyHours(spansByDay: spans), eligibility: eligibility))
        }
        var preference: [Response.Index] = []
        for _ in 0..<(try r.count()) {
            let index = try r.count()
            guard index < responses.count, responses[index].kind == .inPerson else { throw Unreadable() }
            preference.append(.init(index))
        }
        // The router sends every call to the last preference: it must take every call, citywide, always.
        guard let last = preference.last.map({ responses[$0.rawValue] }), case .anyCall = last.eligibility,
              last.area.isCitywide, last.hours.isAlways else { throw Unreadable() }
        let pending = try r.optional { TimerThresholds(warn: try $0.double(), alert: try $0.double()) }
        var byStatus: [UnitStatus: TimerThresholds] = [:]
        for _ in 0..<(try r.count()) {
            guard let status = UnitStatus(rawValue: try r.string()) else { throw Unreadable() }
            byStatus[status] = TimerThresholds(warn: try r.double(), alert: try r.double())
        }
        let within = { (r: inout Reader) throws -> ProgramTargets.WithinTime? in
            try r.optional { ProgramTargets.WithinTime(seconds: try $0.double(), share: try $0.double()) }
        }
        let targets = ProgramTargets(timeToDispatch: try within(&r), dispatchToScene: try within(&r),
                                     backupRate: try r.optional { try $0.double() })
        var levels: [PriorityScale.Level] = []
        for _ in 0..<(try r.count()) { levels.append(.init(value: try r.number(), label: try r.string())) }
        let priorities = PriorityScale(levels: levels, defaultValue: try r.number(), withSafetyFlag: try r.number())
        guard !levels.isEmpty, priorities.contains(priorities.defaultValue), priorities.contains(priorities.withSafetyFlag) else {
            throw Unreadable()
        }
        var roles: [CrewRole] = []
        for _ in 0..<(try r.count()) {
            roles.append(CrewRole(id: try r.string(), letter: try r.string(), label: try r.string(), isSworn: try r.bool()))
        }
        let geometry = try r.optional { BeatGeometrySource(path: try $0.string(), displayName: try $0.string(), property: try $0.string()) }
        func sideFile(_ r: inout Reader) throws -> PolicySideFile? {
            try r.optional { PolicySideFile(path: try $0.string(), displayName: try $0.string()) }
        }
        let vocabulary = try sideFile(&r), places = try sideFile(&r), streets = try sideFile(&r)
        let interpreterLine = try r.optional { try $0.string() }
        guard r.isAtEnd else { throw Unreadable() }
        return Policy(name: name, source: source, timeZone: zone, safetyFlags: flags, callTypes: callTypes, beats: beats,
                      responses: responses, dispatchPreference: preference,
                      timers: BoardTimers(pendingCall: pending, unitStatus: byStatus), targets: targets, programName: program,
                      priorities: priorities, crewRoles: roles, beatGeometry: geometry, vocabulary: vocabulary,
                      places: places, streets: streets, interpreterLine: interpreterLine, contentHash: contentHash)
    }

    // MARK: Bytes

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ value: UInt8) { bytes.append(value) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
        mutating func u64(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
        mutating func signed(_ value: Int64) { u64(UInt64(bitPattern: value)) }
        mutating func double(_ value: Double) { u64(value.bitPattern) }
        mutating func count(_ value: Int) { number(value) }
        mutating func number(_ value: Int) {
            var rest = UInt64(max(0, value))
            while rest >= 0x80 { bytes.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
            bytes.append(UInt8(rest))
        }
        mutating func string(_ value: String) { count(value.utf8.count); bytes += value.utf8 }
        mutating func strings(_ values: [String]) { count(values.count); for value in values { string(value) } }
        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { return bool(false) }
            bool(true)
            write(&self, value)
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var isAtEnd: Bool { position == bytes.count }

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, n <= bytes.count - position else { throw Unreadable() }
            defer { position += n }
            return bytes[position..<position + n]
        }
        mutating func u8() throws -> UInt8 { try take(1).first! }
        mutating func bool() throws -> Bool {
            switch try u8() { case 0: return false; case 1: return true; default: throw Unreadable() }
        }
        mutating func u64() throws -> UInt64 {
            var value: UInt64 = 0
            for (shift, byte) in try take(8).enumerated() { value |= UInt64(byte) << UInt64(shift * 8) }
            return value
        }
        mutating func signed() throws -> Int64 { Int64(bitPattern: try u64()) }
        mutating func double() throws -> Double {
            let value = Double(bitPattern: try u64())
            guard value.isFinite else { throw Unreadable() }
            return value
        }
        /// A count or index: at most the bytes in the file, so a damaged one cannot ask for a huge allocation.
        mutating func count() throws -> Int {
            let value = try number()
            guard value <= bytes.count else { throw Unreadable() }
            return value
        }
        /// A whole number from 0 to 2⁵⁶.
        mutating func number() throws -> Int {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 56, by: 7) {
                let byte = try u8()
                value |= UInt64(byte & 0x7F) << UInt64(shift)
                if byte < 0x80 { return Int(value) }
            }
            throw Unreadable()
        }
        mutating func string() throws -> String {
            guard let text = String(validating: try take(try count()), as: UTF8.self) else { throw Unreadable() }
            return text
        }
        mutating func strings() throws -> [String] {
            var result: [String] = []
            for _ in 0..<(try count()) { result.append(try string()) }
            return result
        }
        mutating func optional<T>(_ read: (inout Reader) throws -> T) throws -> T? {
            try bool() ? try read(&self) : nil
        }
    }
}
