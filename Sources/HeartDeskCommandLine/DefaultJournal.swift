import Foundation
import HeartDeskCore

/// Where the console keeps the shift journal when `--journal` is not given.
///
/// One file per 12-hour shift in the user's state directory
/// (`$XDG_STATE_HOME/heartdesk`, else `~/.local/state/heartdesk`): `2026-11-23-day.journal`
/// for 07:00–19:00 local time, `2026-11-23-night.journal` for 19:00 to 07:00 the next
/// morning, so a console restarted at 03:00 finds the night shift it left.
enum DefaultJournal {
    static func path(at now: Date, zone: TimeZoneRules, environment: [String: String]) throws -> String {
        try directory(environment: environment) + "/" + fileName(at: now, zone: zone)
    }

    /// A new exercise journal: `exercises/safety-test-2026-11-23-140512.journal` beside the shift journals.
    static func exercisePath(scenario: String, at now: Date, zone: TimeZoneRules, environment: [String: String]) throws -> String {
        let directory = try exerciseFolder(environment: environment)
        let local = zone.localTime(at: now)
        return directory + String(format: "/%@-%04d-%02d-%02d-%02d%02d%02d.journal", scenario, local.year, local.month, local.day,
                                  local.hour, local.minute, local.second)
    }

    /// Where exercises keep their journals and reports, created owner-only.
    static func exerciseFolder(environment: [String: String]) throws -> String {
        try directory(environment: environment, sub: "/exercises")
    }

    /// `$XDG_STATE_HOME/heartdesk` (else `~/.local/state/heartdesk`) plus `sub`, created owner-only.
    private static func directory(environment: [String: String], sub: String = "") throws -> String {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            throw UserError("no home directory to keep the journal in: give --journal FILE")
        }
        let directory = base + "/heartdesk" + sub
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw UserError("cannot create \(directory) for the journal (\(error.localizedDescription)): give --journal FILE")
        }
        return directory
    }

    /// "2026-11-23-day.journal" or "2026-11-23-night.journal" (a night shift is named by the evening it began).
    static func fileName(at now: Date, zone: TimeZoneRules) -> String {
        let local = zone.localTime(at: now)
        let isDay = (7..<19).contains(local.hour)
        let started = local.hour < 7 ? zone.localTime(at: now - 12 * 3600) : local
        return String(format: "%04d-%02d-%02d-%@.journal", started.year, started.month, started.day, isDay ? "day" : "night")
    }
}
