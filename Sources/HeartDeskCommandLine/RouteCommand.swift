import ArgumentParser
import Foundation
import HeartDeskCore

/// `heartdesk route`: which response a call gets under the policy, and why.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Decide which response a call gets, and say why.",
        discussion: """
            Example: heartdesk route --type "Mental Health Crisis" --beat 111 --at 2026-11-23T14:00
            """
    )

    @OptionGroup var call: CallFactsOptions
    @OptionGroup var policyOption: PolicyOption

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let policy = try policyOption.load()
        let facts = try call.facts(in: policy)
        let instant = try call.instant(in: policy) { try CommandClock.now(zone: policy.timeZone) }
        let decision = Router(policy: policy).route(facts, at: instant)
        let report = RouteReport(decision: decision, policy: policy)
        if json { print(try report.json()) } else { say(report.text()) }
    }
}
