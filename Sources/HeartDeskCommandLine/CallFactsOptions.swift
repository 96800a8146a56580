import ArgumentParser
import Foundation
import HeartDeskCore

/// The options that describe a call to route: type, beat, time and safety answers.
struct CallFactsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Call type: name, code or alias (e.g. \"Mental Health Crisis\", MHC).",
                                            valueName: "name"))
    var type: String

    // Unconditional: an export's beat "-1" is a value here, not an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Police beat of the call (e.g. 111), or unknown.", valueName: "beat"))
    var beat: String

    @Option(name: .long, help: ArgumentHelp(
        "When: ISO 8601 with offset or Z, or without one in the policy's local time (default: now).",
        valueName: "time"))
    var at: String?

    @OptionGroup var answers: SafetyAnswerOptions

    /// The call's facts under `policy`, or a one-line error naming what was not understood.
    func facts(in policy: Policy) throws -> CallFacts {
        do {
            _ = try policy.resolveFlags(answers.noIDs)
            return try policy.resolveFacts(callType: type, beat: beat, flags: answers.yesIDs)
        } catch {
            throw UserError(error.description)
        }
    }

    /// The instant to route at; `now` is asked only when `--at` is absent.
    func instant(in policy: Policy, now: () throws -> Date) throws -> Date {
        guard let at else { return try now() }
        return try parseAt(at, zone: policy.timeZone)
    }
}

/// `--at` text as an instant in the policy's zone, or a one-line error.
func parseAt(_ text: String, zone: TimeZoneRules) throws -> Date {
    do {
        return try InstantParser.parse(text, zone: zone)
    } catch {
        throw UserError("--at: \(error)")
    }
}
