import ArgumentParser
import HeartDeskCore

/// The safety questions' answers on the command line: `--weapon` yes, `--no-weapon` no, neither: not asked.
struct SafetyAnswerOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Someone has a weapon (--no-weapon: asked, nobody has).")
    var weapon: Bool?

    @Flag(inversion: .prefixedNo, help: "Someone is physically violent toward others (--no-violent: asked, nobody is).")
    var violent: Bool?

    @Flag(name: .customLong("elevated-risk"), inversion: .prefixedNo,
          help: "There is an increased risk of violence (--no-elevated-risk: asked, there is not).")
    var elevatedRisk: Bool?

    @Option(name: .customLong("flag"), help: ArgumentHelp("Another safety question of the policy answered yes, by id (repeatable).",
                                                          valueName: "id"))
    var yesFlags: [String] = []

    @Option(name: .customLong("no-flag"), help: ArgumentHelp("A safety question answered no, by id (repeatable).", valueName: "id"))
    var noFlags: [String] = []

    /// Each answer given, by flag id; a question not named was not asked.
    var answers: [String: QuestionAnswer] {
        var result: [String: QuestionAnswer] = [:]
        for (id, value) in [("weapon", weapon), ("violent", violent), ("elevated-risk", elevatedRisk)] {
            if let value { result[id] = value ? .yes : .no }
        }
        for id in noFlags { result[id] = .no }
        for id in yesFlags { result[id] = .yes }
        return result
    }

    /// Flag ids answered yes, the named switches first.
    var yesIDs: [String] { answers.filter { $0.value == .yes }.map(\.key).sorted() }
    /// Flag ids answered no.
    var noIDs: [String] { answers.filter { $0.value == .no }.map(\.key).sorted() }
}
