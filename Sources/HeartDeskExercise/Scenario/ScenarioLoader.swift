import Foundation
import HeartDeskCore
import Yams

/// Reads a scenario file into a checked ``Scenario``, or names the file, line and fault.
///
/// The format is documented in docs/exercise-format.md.
public enum ScenarioLoader {
    /// Loads the scenario at `url`; `displayName` is how errors name the file (default: the path).
    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> Scenario {
        let source = displayName ?? url.path
        let text = try DataFile.text(at: url, displayName: source)
        let name = url.deletingPathExtension().lastPathComponent
        return try load(yaml: text, source: source, name: name, directory: url.deletingLastPathComponent())
    }

    /// Loads a scenario from YAML text; a `policy:` path is looked up relative to `directory`.
    public static func load(yaml: String, source: String, name: String, directory: URL? = nil) throws -> Scenario {
        try ScenarioReader(source: source, directory: directory).scenario(from: PolicyLoader.compose(yaml, source: source), name: name)
    }
}

/// Walks a scenario document, checking every reference against the policy.
private struct ScenarioReader: YAMLWalking {
    let source: String
    let directory: URL?

    func scenario(from root: Node, name: String) throws -> Scenario {
        let top = try fields(of: root, what: "the scenario", required: ["title", "start", "calls"],
                             optional: ["policy", "end", "timing", "roster", "units", "notes"])
        let policy = try loadPolicy(top["policy"])
        let zone = policy.timeZone
        let startNode = top["start"]!
        let startText = try string(startNode, what: "start")
        let start: Date
        do { start = try InstantParser.parse(startText, zone: zone) } catch {
            throw fail(startNode, "start: \(error)")
        }
        let context = Context(policy: policy, start: start)

        let roster: [UnitDefinition]
        if let rosterNode = top["roster"] {
            roster = try RosterLoader.units(in: rosterNode, source: source, policy: policy)
        } else {
            roster = try RosterLoader.bundledDurham(policy: policy)
        }
        let timing = try top["timing"].map(readTiming) ?? ResponseTiming()

        var calls: [ScenarioCall] = []
        var callIDs: [String: Node] = [:]
        for item in try sequence(top["calls"]!, what: "calls") {
            let call = try readCall(item, context: context)
            if let first = callIDs[call.id] {
                throw fail(item, "call id '\(call.id)' is used twice (first at line \(line(of: first).map(String.init) ?? "?"))")
            }
            callIDs[call.id] = item
            calls.append(call)
        }
        var unitEvents: [UnitInject] = []
        for item in try top["units"].map({ try sequence($0, what: "units") }) ?? [] {
            unitEvents.append(try readUnitEvent(item, context: context, roster: roster, callIDs: Set(callIDs.keys)))
        }
        var notes: [ScenarioNote] = []
        for item in try top["notes"].map({ try sequence($0, what: "notes") }) ?? [] {
            let f = try fields(of: item, what: "a note", required: ["at", "text"])
            notes.append(ScenarioNote(at: try time(f["at"]!, context), text: try string(f["text"]!, what: "text")))
        }

        let lastInject = (calls.map(\.at) + unitEvents.map(\.at) + notes.map(\.at)).max() ?? start
        var end = lastInject + 2 * 3600
        if let endNode = top["end"] {
            end = try time(endNode, context)
            if end <= start { throw fail(endNode, "the exercise ends before it starts (\(ScenarioTime.offset(end, from: start)))") }
            if end.timeIntervalSince(start) > ScenarioTime.longest {
                throw fail(endNode, "the exercise would run \(ScenarioTime.offset(end, from: start)) h: at most 7 days (168:00)")
            }
            if let late = (calls.map { ($0.at, $0.id) }).first(where: { $0.0 > end }) {
                throw fail(endNode, "call \(late.1) rings after the exercise ends")
            }
        }
        return Scenario(name: name, title: try string(top["title"]!, what: "title"), policy: policy, start: start, end: end,
                        roster: roster, timing: timing,
                        calls: calls.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element),
                        unitEvents: unitEvents.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
                            .map(\.element),
                        notes: notes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element))
    }

    private struct Context {
        let policy: Policy
        let start: Date
    }

    private func loadPolicy(_ node: Node?) throws -> Policy {
        guard let node else { return try PolicyLoader.bundledDurham() }
        let text = try string(node, what: "policy")
        if text.lowercased() == "durham" { return try PolicyLoader.bundledDurham() }
        let url = text.hasPrefix("/") || directory == nil
            ? URL(fileURLWithPath: text) : directory!.appendingPathComponent(text)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw fail(node, "policy file \(text) not found (a path relative to the scenario, or durham)")
        }
        return try PolicyLoader.load(contentsOf: url, displayName: text)
    }

    private func readTiming(_ node: Node) throws -> ResponseTiming {
        let f = try fields(of: node, what: "timing", required: [], optional: ["acknowledge", "travel", "onScene"])
        var timing = ResponseTiming()
        if let n = f["acknowledge"] { timing.acknowledge = try duration(n, what: "acknowledge") }
        if let n = f["travel"] { timing.travel = try duration(n, what: "travel") }
        if let n = f["onScene"] { timing.onScene = try duration(n, what: "onScene") }
        return timing
    }

    private func readCall(_ node: Node, context: Context) throws -> ScenarioCall {
        let policy = context.policy
        let f = try fields(of: node, what: "a call", required: ["id", "at", "says", "type"],
                           optional: ["beat", "location", "caller", "callback", "language", "asked", "later",
                                      "travel", "onScene", "disposition", "expect"])
        let id = try string(f["id"]!, what: "call id")
        let typeNode = f["type"]!
        let typed = try string(typeNode, what: "type")
        // The same resolver as the command line and the form, its message placed at the line.
        let callType: CallType
        do { callType = try policy.resolveCallType(typed) } catch { throw fail(typeNode, error.description) }
        var beat: String?
        if let beatNode = f["beat"] {
            let text = try string(beatNode, what: "beat")
            do { beat = try policy.resolveBeat(text)?.id } catch { throw fail(beatNode, error.description) }
        }
        var answers: [SafetyAnswer] = []
        for item in try f["asked"].map({ try sequence($0, what: "asked") }) ?? [] {
            let a = try fields(of: item, what: "an answer", required: ["flag", "says"])
            answers.append(SafetyAnswer(flag: try flag(a["flag"]!, policy: policy), words: try string(a["says"]!, what: "says")))
        }
        var later: [RevealedFact] = []
        for item in try f["later"].map({ try sequence($0, what: "later") }) ?? [] {
            let l = try fields(of: item, what: "a later fact", required: ["after", "says"], optional: ["flag"])
            later.append(RevealedFact(after: try duration(l["after"]!, what: "after"), flag: try l["flag"].map { try flag($0, policy: policy) },
                                      words: try string(l["says"]!, what: "says")))
        }
        var disposition = Disposition.resolvedOnScene
        if let d = f["disposition"] {
            let text = try string(d, what: "disposition")
            guard let parsed = Disposition(rawValue: text) else {
                throw fail(d, "unknown disposition '\(text)': use \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            disposition = parsed
        }
        let incoming = IncomingCall(
            id: id, narrative: try string(f["says"]!, what: "says"),
            location: try f["location"].map { try string($0, what: "location") } ?? "", beat: beat,
            callerName: try f["caller"].map { try string($0, what: "caller") } ?? "",
            callback: try f["callback"].map { try string($0, what: "callback") } ?? "",
            language: try f["language"].map { try string($0, what: "language") } ?? "",
            answers: answers, expected: try readExpected(f["expect"], callType: callType.name, policy: policy))
        return ScenarioCall(at: try time(f["at"]!, context), incoming: incoming, callType: callType.name, later: later,
                            onScene: try f["onScene"].map { try duration($0, what: "onScene") },
                            travel: try f["travel"].map { try duration($0, what: "travel") }, disposition: disposition)
    }

    private func readExpected(_ node: Node?, callType: String, policy: Policy) throws -> ExpectedHandling {
        guard let node else { return ExpectedHandling(callType: callType) }
        let f = try fields(of: node, what: "expect", required: [], optional: ["dispatch", "phone", "followUp"])
        func response(_ key: String) throws -> String? {
            guard let n = f[key] else { return nil }
            let text = try string(n, what: key)
            if text.lowercased() == "none" { return nil }
            guard let found = policy.response(id: text) else {
                throw fail(n, "unknown response '\(text)' in policy \(policy.name) (responses: \(policy.responses.map(\.id).joined(separator: ", ")))")
            }
            return found.id
        }
        return ExpectedHandling(callType: callType, dispatch: try response("dispatch"), phone: try response("phone"),
                                followUp: try response("followUp"))
    }

    private func readUnitEvent(_ node: Node, context: Context, roster: [UnitDefinition], callIDs: Set<String>) throws -> UnitInject {
        let f = try fields(of: node, what: "a unit event", required: ["at", "event"],
                           optional: ["unit", "call", "says", "kind", "by"])
        let target: UnitInject.Target
        switch (f["unit"], f["call"]) {
        case (let unitNode?, nil):
            let id = try string(unitNode, what: "unit")
            guard let unit = roster.first(where: { $0.id.uppercased() == id.uppercased() }) else {
                throw fail(unitNode, "unknown unit '\(id)' (roster: \(roster.map(\.id).joined(separator: " ")))")
            }
            target = .unit(unit.id)
        case (nil, let callNode?):
            let id = try string(callNode, what: "call")
            guard callIDs.contains(id) else { throw fail(callNode, "unknown call '\(id)': no call in this scenario has that id") }
            target = .call(id)
        default:
            throw fail(node, "a unit event names either a unit or a call (the unit working it), not both or neither")
        }
        let eventNode = f["event"]!
        let kind = try string(eventNode, what: "event")
        let event: UnitInject.Event
        switch kind {
        case "out-of-service": event = .outOfService
        case "available": event = .available
        case "on-scene": event = .onScene
        case "backup":
            let kindText = try f["kind"].map { try string($0, what: "kind") } ?? "police"
            guard let backup = BackupKind(rawValue: kindText) else { throw fail(f["kind"]!, "back-up kind is police or ems, not '\(kindText)'") }
            event = .backup(backup)
        case "delayed":
            guard let by = f["by"] else { throw fail(node, "a delayed event says by how long: by: 10m") }
            event = .delayed(try duration(by, what: "by"))
        default:
            throw fail(eventNode, "unknown unit event '\(kind)': use out-of-service, available, on-scene, backup, delayed")
        }
        if case .unit = target, [UnitInject.Event.onScene].contains(event) {
            throw fail(eventNode, "on-scene needs the call it is for: name the call instead of the unit")
        }
        return UnitInject(at: try time(f["at"]!, context), target: target, event: event,
                          words: try f["says"].map { try string($0, what: "says") } ?? "")
    }

    private func flag(_ node: Node, policy: Policy) throws -> String {
        let id = try string(node, what: "flag")
        do { return try policy.flagIDs(policy.resolveFlags([id])).first ?? id } catch { throw fail(node, error.description) }
    }

    private func time(_ node: Node, _ context: Context) throws -> Date {
        let text = try string(node, what: "at")
        guard let date = ScenarioTime.instant(text, start: context.start, zone: context.policy.timeZone) else {
            throw fail(node, "cannot read time '\(text)': use +0:05 or +5m after the start, 14:05, or 2026-11-23T14:05")
        }
        guard date >= context.start else {
            throw fail(node, "'\(text)' is before the exercise starts (\(context.policy.timeZone.localTime(at: context.start).iso8601))")
        }
        guard date.timeIntervalSince(context.start) <= ScenarioTime.longest else {
            throw fail(node, "'\(text)' is more than 7 days after the exercise starts: an exercise runs at most 7 days")
        }
        return date
    }

    private func duration(_ node: Node, what: String) throws -> TimeInterval {
        let text = try string(node, what: what)
        guard let seconds = ScenarioTime.duration(text) else {
            throw fail(node, "cannot read \(what) '\(text)': use 90s, 5m, 1h30m or 1:30")
        }
        guard seconds.isFinite, seconds <= ScenarioTime.longest else {
            throw fail(node, "\(what) '\(text)' is longer than an exercise may run (7 days)")
        }
        return seconds
    }
}
