import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// Another city's policy read without Durham's assumptions: its codes, its priorities, its names.
@Suite("Another city's policy")
struct PortablePolicyTests {
    let bayview: Policy

    init() throws {
        bayview = try PolicyLoader.load(yaml: PolicyText.otherCity, source: "bayview.yaml")
    }

    @Test("eligibility rules name call types by code or alias, as the city's CAD does")
    func rulesByCodeAndAlias() {
        let crisis = bayview.callType(named: "5150")!
        let welfare = bayview.callType(named: "Welfare Check")!
        let router = Router(policy: bayview)
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(router.route(CallFacts(callType: crisis.index, beat: bayview.beat(id: "1")!.index, flags: []), at: at).dispatch
                == bayview.response(id: "ACT")!.index)
        #expect(router.route(CallFacts(callType: welfare.index, beat: nil, flags: []), at: at).dispatch == bayview.response(id: "ACT")!.index)
    }

    @Test("a slip in a numeric code suggests the code one slip away, and no word-alike", arguments: [
        ("5105", ["Person in Crisis"]), ("981", ["Welfare Check"]), ("4599", ["Burglary"]), ("7777", []),
    ])
    func numericSuggestions(typed: String, expected: [String]) {
        #expect(bayview.callTypeSuggestions(for: typed) == expected)
    }

    @Test("Durham has no numeric codes: '5105' suggests nothing rather than noise")
    func durhamNumericNoise() {
        #expect(Durham.policy.callTypeSuggestions(for: "5105").isEmpty)
        #expect(Durham.policy.callTypeSuggestions(for: "Mental Helth Crisis") == ["Mental Health Crisis"])
    }

    @Test("a rule naming a mistyped code fails at its line with the code it meant")
    func ruleWithMistypedCode() {
        let text = PolicyText.otherCity.replacingOccurrences(of: "- callTypes: [\"5150\", welfare]", with: "- callTypes: [\"5105\", welfare]")
        #expect(throws: PolicyError(file: "b.yaml", line: PolicyText.line(of: "\"5105\", welfare", in: text),
                                    message: "response ACT names unknown call type '5105' (did you mean Person in Crisis?)")) {
            try PolicyLoader.load(yaml: text, source: "b.yaml")
        }
    }

    @Test("the priority scale is the city's: values, names, the default and the flagged default")
    func priorityScale() {
        let scale = bayview.priorities
        #expect(scale.valuesText == "0–4, 9")
        #expect(scale.contains(9) && !scale.contains(5))
        #expect(scale.describe(0) == "0 (immediate)")
        #expect(scale.defaultFor(anyFlagReported: false) == 3 && scale.defaultFor(anyFlagReported: true) == 1)
        #expect(Durham.policy.priorities.valuesText == "1–3")
        #expect(bayview.programName == "ACT" && bayview.followUpName == "Navigation")
    }

    @Test("a priorities section that contradicts itself is refused at its line", arguments: [
        ("default: 3", "default: 5", "priorities.default 5 is not one of the levels (0–4, 9)"),
        ("withSafetyFlag: 1", "withSafetyFlag: 7", "priorities.withSafetyFlag 7 is not one of the levels (0–4, 9)"),
        ("- {value: 9, label: information}", "- {value: 4, label: information}", "priority 4 is listed twice"),
    ])
    func badPriorities(old: String, new: String, message: String) {
        let text = PolicyText.otherCity.replacingOccurrences(of: old, with: new)
        #expect(throws: PolicyError(file: "b.yaml", line: PolicyText.line(of: new, in: text), message: message)) {
            try PolicyLoader.load(yaml: text, source: "b.yaml")
        }
    }

    @Test("reasons name the policy's flags by their labels, in unless and onlyIf alike")
    func flagLabelsInReasons() {
        let crisis = bayview.callType(named: "crisis")!
        let decision = Router(policy: bayview).route(CallFacts(callType: crisis.index, beat: nil, flags: []),
                                                     at: Date(timeIntervalSince1970: 1_800_000_000))
        let reasons = Explanation(decision, policy: bayview).lines.flatMap(\.reasons)
        #expect(reasons.contains { $0.hasPrefix("ACT: eligible — Person in Crisis, no weapon seen or violence reported") })
    }

    @Test("the same file gives the same hash; an edited one does not, and the identities say how they differ")
    func identity() throws {
        let again = try PolicyLoader.load(yaml: PolicyText.otherCity, source: "elsewhere.yaml")
        let edited = try PolicyLoader.load(yaml: PolicyText.otherCity + "\n# hours under review\n", source: "b.yaml")
        #expect(bayview.contentHash.count == 64 && again.contentHash == bayview.contentHash)
        #expect(bayview.identity.mismatch(with: again.identity) == nil)
        #expect(bayview.identity.mismatch(with: edited.identity)?.contains("another version of policy Bayview ACT") == true)
        #expect(bayview.identity.mismatch(with: Durham.policy.identity)?.contains("opened under policy Bayview ACT") == true)
        // A journal from before the hash was recorded: matched by name.
        #expect(PolicyIdentity(name: "Bayview ACT", contentHash: "").mismatch(with: edited.identity) == nil)
    }
}
