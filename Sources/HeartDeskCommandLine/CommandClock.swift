import Foundation
import HeartDeskCore

/// The clock the commands read: the wall clock, or the instant in `HEARTDESK_CLOCK` when set.
///
/// Opening hours decide what a call may get, so tests (and replays of a recorded shift)
/// must pin the time the real binary sees: `HEARTDESK_CLOCK=2026-11-23T21:00:09` makes
/// the command line act at that instant, and the console start there and run on.
enum CommandClock {
    static let variable = "HEARTDESK_CLOCK"

    /// The instant the command acts at.
    static func now(zone: TimeZoneRules, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        try start(zone: zone, environment: environment) ?? Date()
    }

    /// A clock for a long-running console: from `HEARTDESK_CLOCK` onward at the wall clock's pace, else the wall clock.
    static func running(zone: TimeZoneRules, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> () -> Date {
        guard let start = try start(zone: zone, environment: environment) else { return Date.init }
        let began = Date()
        return { start + Date().timeIntervalSince(began) }
    }

    private static func start(zone: TimeZoneRules, environment: [String: String]) throws -> Date? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        do {
            return try InstantParser.parse(text, zone: zone)
        } catch {
            throw UserError("\(variable)=\(text): \(error)")
        }
    }
}
