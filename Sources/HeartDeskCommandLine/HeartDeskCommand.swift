import ArgumentParser

/// The `heartdesk` command: the root that the subcommands hang from.
public struct HeartDeskCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "heartdesk",
        abstract: "Dispatcher console for alternative 911 response programs (Durham HEART by default).",
        subcommands: [ConsoleCommand.self, RouteCommand.self, ShiftCommandGroup.self, JournalCommandGroup.self,
                      ExerciseCommand.self, ReportCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    public init() {}
}
