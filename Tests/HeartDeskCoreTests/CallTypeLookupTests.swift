import HeartDeskCore
import Testing
import TestSupport

@Suite("Call type lookup")
struct CallTypeLookupTests {
    @Test("name, code and alias match without regard to case or spacing", arguments: [
        ("Mental Health Crisis", "Mental Health Crisis"), ("mental health crisis", "Mental Health Crisis"),
        ("MHC", "Mental Health Crisis"), ("mhc", "Mental Health Crisis"), ("EDP", "Mental Health Crisis"),
        ("  Mental   health-crisis ", "Mental Health Crisis"), ("suicidal", "Suicide Threat"),
        ("non-urgent welfare check", "Non-urgent Welfare Check"), ("DV", "Domestic Violence"),
        ("shots fired", "Shots Fired"), ("wreck", "Traffic Crash"),
    ])
    func matches(typed: String, expected: String) {
        #expect(Durham.policy.callType(named: typed)?.name == expected)
    }

    @Test("a misspelling suggests the names that are close")
    func suggestions() {
        #expect(Durham.policy.callType(named: "Mental Helth") == nil)
        #expect(Durham.policy.callTypeSuggestions(for: "Mental Helth").first == "Mental Health Crisis")
        #expect(Durham.policy.callTypeSuggestions(for: "tresspass").first == "Trespass")
        #expect(Durham.policy.callTypeSuggestions(for: "qqqqqqqqqqqq").isEmpty)
    }

    @Test("names, codes and aliases are unique across call types")
    func unique() {
        var seen: [String: String] = [:]
        for callType in Durham.policy.callTypes {
            for name in Set(callType.allNames.map { $0.lowercased() }) {
                #expect(seen[name] == nil, "\(name) used by \(seen[name] ?? "") and \(callType.name)")
                seen[name] = callType.name
            }
        }
    }
}
