import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// A wrong policy file is refused with its name, the line and the fault — never a crash or a default.
@Suite("Policy file errors")
struct PolicyErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        /// Text on the line the error must point at.
        let lineWith: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "call type defined twice", old: "  - {name: Burglary, code: BURG}",
             new: "  - {name: Burglary, code: BURG}\n  - {name: mental health crisis, code: MC2}",
             lineWith: "code: MC2", message: "call type 'mental health crisis' is defined twice (first on line"),
        Case(name: "population too large to count (once a trap)", old: #"centroid: [36.0, -78.9], neighbors: ["2"]}"#,
             new: #"centroid: [36.0, -78.9], neighbors: ["2"], population: 1e19}"#, lineWith: "population: 1e19",
             message: "population must be a whole number from 0 to 100000000, not '1e19'"),
        Case(name: "area infinite", old: #"centroid: [36.0, -78.9], neighbors: ["2"]}"#,
             new: #"centroid: [36.0, -78.9], neighbors: ["2"], areaKm2: .inf}"#, lineWith: "areaKm2: .inf",
             message: "areaKm2 must be a number ≥ 0, not '.inf'"),
        Case(name: "required is not true or false", old: "{id: weapon, question: Any weapon?, label: weapon}",
             new: "{id: weapon, question: Any weapon?, label: weapon, required: maybe}",
             lineWith: "required: maybe", message: "required must be true or false, not 'maybe'"),
        Case(name: "timer alert before warn", old: "dispatchPreference: [TEAM, POLICE]",
             new: "dispatchPreference: [TEAM, POLICE]\ntimers:\n  pendingCall: {warn: 5, alert: 2}",
             lineWith: "pendingCall", message: "timers.pendingCall: alert after 2.0 min comes before warn after 5.0 min"),
        Case(name: "timer for an unknown unit status", old: "dispatchPreference: [TEAM, POLICE]",
             new: "dispatchPreference: [TEAM, POLICE]\ntimers:\n  unitStatus:\n    onscene: {warn: 45, alert: 60}",
             lineWith: "onscene", message: "unknown unit status 'onscene' in timers"),
        Case(name: "target share over 100 %", old: "dispatchPreference: [TEAM, POLICE]",
             new: "dispatchPreference: [TEAM, POLICE]\ntargets:\n  timeToDispatch: {withinMinutes: 2, share: 190}",
             lineWith: "share: 190", message: "targets.timeToDispatch.share must be a percentage from 0 to 100, not 190"),
        Case(name: "target without its time", old: "dispatchPreference: [TEAM, POLICE]",
             new: "dispatchPreference: [TEAM, POLICE]\ntargets:\n  timeToDispatch: {share: 90}",
             lineWith: "share: 90", message: "withinMinutes"),
        Case(name: "unknown target", old: "dispatchPreference: [TEAM, POLICE]",
             new: "dispatchPreference: [TEAM, POLICE]\ntargets:\n  responseTime: {atMost: 5}",
             lineWith: "responseTime", message: "unknown key 'responseTime'"),
        Case(name: "hour 25:00", old: #"close: "17:00""#, new: #"close: "25:00""#,
             lineWith: "25:00", message: "'25:00' is not a time of day"),
        Case(name: "minute 61", old: #"open: "09:00""#, new: #"open: "09:61""#,
             lineWith: "09:61", message: "'09:61' is not a time of day"),
        Case(name: "end before start", old: #"open: "09:00", close: "17:00""#, new: #"open: "17:00", close: "09:00""#,
             lineWith: #"close: "09:00""#, message: "closes at 09:00, not after it opens at 17:00"),
        Case(name: "unknown call type in a rule", old: "callTypes: [Mental Health Crisis, Trespass]",
             new: "callTypes: [Mental Helth Crisis, Trespass]", lineWith: "Mental Helth",
             message: "response TEAM names unknown call type 'Mental Helth Crisis' (did you mean Mental Health Crisis?)"),
        Case(name: "unknown beat in a service area", old: #"core: ["1", "2"]"#, new: #"core: ["1", "7"]"#,
             lineWith: "core:", message: "service area core names unknown beat 7"),
        Case(name: "beat listed twice in an area", old: #"core: ["1", "2"]"#, new: #"core: ["1", "2", "1"]"#,
             lineWith: "core:", message: "beat 1 is listed twice in service area core"),
        Case(name: "beat listed twice", old: #"- {id: "3", district: B"#, new: #"- {id: "2", district: B"#,
             lineWith: #"id: "2", district: B"#, message: "beat 2 is listed twice (first on line"),
        Case(name: "response with no call types", old: "    eligible:\n      - callTypes: [Mental Health Crisis, Trespass]\n        unless: [weapon]\n",
             new: "", lineWith: "- id: TEAM", message: "response TEAM has no call types"),
        Case(name: "empty call type list", old: "callTypes: [Mental Health Crisis, Trespass]", new: "callTypes: []",
             lineWith: "callTypes: []", message: "response TEAM has no call types"),
        Case(name: "bad YAML", old: "name: Testville", new: "name: [Testville",
             lineWith: "timeZone", message: "not valid YAML"),
        Case(name: "unknown key", old: "    kind: in-person\n    area: core", new: "    kind: in-person\n    zone: core\n    area: core",
             lineWith: "zone: core", message: "unknown key 'zone' in a response"),
        Case(name: "unknown flag", old: "unless: [weapon]", new: "unless: [knife]",
             lineWith: "unless: [knife]", message: "unknown safety flag 'knife' (known: weapon)"),
        Case(name: "unknown time zone", old: "America/New_York", new: "America/Durham",
             lineWith: "timeZone", message: "unknown time zone 'America/Durham'"),
        Case(name: "unknown days", old: "days: Mon-Fri", new: "days: Mon-Fryday",
             lineWith: "Mon-Fryday", message: "cannot read days 'Mon-Fryday'"),
        Case(name: "overlapping hours", old: #"      - {days: Mon-Fri, open: "09:00", close: "17:00"}"#,
             new: "      - {days: Mon-Fri, open: \"09:00\", close: \"17:00\"}\n      - {days: Fri, open: \"16:00\", close: \"18:00\"}",
             lineWith: "days: Fri", message: "TEAM hours overlap on Fri"),
        Case(name: "unknown kind", old: "kind: in-person", new: "kind: on-foot",
             lineWith: "on-foot", message: "unknown kind 'on-foot'"),
        Case(name: "follow-up after an unknown response", old: "after: [TEAM]", new: "after: [TEEM]",
             lineWith: "after: [TEEM]", message: "follow-up FOLLOW names unknown response TEEM"),
        Case(name: "preference missing a team", old: "dispatchPreference: [TEAM, POLICE]", new: "dispatchPreference: [POLICE]",
             lineWith: "dispatchPreference", message: "in-person response TEAM is missing from dispatchPreference"),
        Case(name: "fallback not last", old: "dispatchPreference: [TEAM, POLICE]", new: "dispatchPreference: [POLICE, TEAM]",
             lineWith: "dispatchPreference", message: "the last response in dispatchPreference (TEAM) must take every call"),
        Case(name: "call type name used twice", old: "{name: Burglary, code: BURG}", new: "{name: Burglary, code: TRES}",
             lineWith: "Burglary", message: "code 'TRES' of Burglary is already used by Trespass"),
        Case(name: "duplicate key", old: "name: Testville", new: "name: Testville\nname: Again",
             lineWith: "name: Testville", message: "key 'name' appears twice in the mapping that starts here"),
    ]

    @Test("each fault names file, line and what is wrong", arguments: cases)
    func fault(_ c: Case) {
        let text = PolicyText.minimal(replacing: c.old, with: c.new)
        #expect {
            try PolicyLoader.load(yaml: text, source: "testville.yaml")
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            #expect(error.file == "testville.yaml")
            #expect(error.line == PolicyText.line(of: c.lineWith, in: text), "\(error)")
            #expect(error.message.contains(c.message), "\(error)")
            return true
        }
    }

    @Test("the minimal policy itself loads and routes")
    func minimalLoads() throws {
        let policy = try PolicyLoader.load(yaml: PolicyText.minimal, source: "testville.yaml")
        let team = try #require(policy.callType(named: "crisis"))
        let decision = Router(policy: policy).route(
            CallFacts(callType: team.index, beat: policy.beat(id: "1")?.index),
            at: Durham.instant("2026-11-23T10:00"))
        #expect(policy[decision.dispatch].id == "TEAM")
        #expect(decision.followUp.map { policy[$0].id } == "FOLLOW")
    }

    @Test("a missing file, an empty file, a device and a directory are errors that say so, not defaults")
    func missingAndEmpty() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/policy.yaml")
        #expect(throws: PolicyError(file: "/nonexistent/policy.yaml", line: nil, message: "no such file")) {
            try PolicyLoader.load(contentsOf: missing)
        }
        // What the file is, not what Foundation guesses ("you don't have permission" for /dev/null as root).
        for (path, message) in [("/dev/null", "is a device, not a file"), ("/", "is a directory, not a file")] {
            #expect(throws: PolicyError(file: path, line: nil, message: message)) {
                try PolicyLoader.load(contentsOf: URL(fileURLWithPath: path))
            }
        }
        #expect(throws: PolicyError(file: "empty.yaml", line: nil, message: "the file is empty")) {
            try PolicyLoader.load(yaml: "", source: "empty.yaml")
        }
    }

    @Test("the error reads file:line: message")
    func format() {
        #expect("\(PolicyError(file: "p.yaml", line: 4, message: "bad"))" == "p.yaml:4: bad")
    }
}
