import ArgumentParser
import Foundation

/// The `heartdesk` command: the root that the subcommands hang from.
public struct HeartDeskCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "heartdesk",
        abstract: "Dispatcher console for alternative 911 response programs (Durham HEART by default).",
        version: Version.current,
        subcommands: [ConsoleCommand.self, RouteCommand.self, ShiftCommandGroup.self, JournalCommandGroup.self,
                      ExerciseCommand.self, ReportCommand.self, AnalyzeCommand.self, LocateCommand.self, SuggestCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    public init() {}

    /// Parses the process's arguments and runs the command; a mistyped command line is told in one line.
    ///
    /// swift-argument-parser's own message takes three or four lines (error, help, usage, see); a user
    /// reads the first, so it says what was wrong and where to look, as every other HeartDesk error does.
    public static func runFromCommandLine() -> Never {
        var commandName = "heartdesk"
        do {
            var command = try parseAsRoot()
            commandName = name(of: type(of: command))
            try command.run()
            exit(withError: nil)
        } catch {
            let code = exitCode(for: error)
            // Every error a command throws is reported here, the one way: "heartdesk <command>: what was wrong", one
            // line made safe for the terminal (it may quote a file's bytes), status 2. Left to the parser, it went out
            // raw with status 1.
            if code == .failure, !(error is ExitCode) {
                complain("\(commandName): \(error)")
                exit(withError: ExitCode(2))
            }
            // --help and the commands' own exit statuses pass through as the parser would handle them.
            guard code == .validationFailure, !(error is ExitCode) else { exit(withError: error) }
            complain(oneLine(fullMessage(for: error)))
            exit(withError: code)
        }
    }

    /// "heartdesk shift new-call": the words that run `command`, found by walking the subcommands from the root.
    static func name(of command: any ParsableCommand.Type) -> String {
        func path(from node: any ParsableCommand.Type) -> [String]? {
            let name = node.configuration.commandName ?? "\(node)"
            if node == command { return [name] }
            for child in node.configuration.subcommands {
                if let rest = path(from: child) { return [name] + rest }
            }
            return nil
        }
        return path(from: Self.self)?.joined(separator: " ") ?? "heartdesk"
    }

    /// "heartdesk shift new-call: missing expected argument '--type <name>' (see heartdesk shift new-call --help)".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var what = lines.first ?? message
        if what.hasPrefix("Error: ") { what.removeFirst("Error: ".count) }
        if let first = what.first { what = first.lowercased() + what.dropFirst() }
        let command = lines.first { $0.hasPrefix("See '") }.flatMap { line -> String? in
            guard let start = line.firstIndex(of: "'"), let end = line[line.index(after: start)...].firstIndex(of: "'") else { return nil }
            return String(line[line.index(after: start)..<end])
        }
        guard let command else { return "heartdesk: \(what)" }
        let name = command.hasSuffix(" --help") ? String(command.dropLast(" --help".count)) : command
        return "\(name): \(what) (see \(command))"
    }
}
