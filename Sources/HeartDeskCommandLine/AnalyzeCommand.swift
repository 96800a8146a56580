import ArgumentParser
import Foundation
import HeartDeskAnalysis
import HeartDeskCore
import HeartDeskJournal

/// `heartdesk analyze CALLS.csv`: a city's calls-for-service history run through the policy, for planning.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run a city's calls-for-service export through the policy: which calls, hours, beats, how many teams.",
        discussion: """
        Reads the CSV once, routes every call with the policy at its own received time (local wall time in the \
        policy's zone), and reports calls by decision, each alternative response's eligible calls and what kept it \
        from the rest (call type, flag, outside area, closed), eligible calls by hour of week and by beat. The \
        default layout is the City of Durham's open-data export; any other through --mapping (docs/analyze.md). \
        Malformed rows and codes nobody maps are counted and listed, never dropped silently.
        """
    )

    @Argument(help: ArgumentHelp("The calls-for-service export (CSV with a header row).", valueName: "calls.csv"))
    var calls: String

    @OptionGroup var policyOption: PolicyOption

    @Option(name: .long, help: ArgumentHelp("How the export is laid out (YAML; default: the Durham open-data layout).", valueName: "file"))
    var mapping: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Other policies to run the same calls through, side by side.", valueName: "policy"))
    var compare: [String] = []

    @Option(name: .long, help: ArgumentHelp("Units of a response for the staffing estimate, as CRT=3 (repeatable).", valueName: "response=n"))
    var staff: [String] = []

    @Option(name: .long, help: ArgumentHelp("Minutes a call keeps a unit of a response, as CRT=50 (repeatable; default: the policy's timers).",
                                            valueName: "response=minutes"))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("text, md, csv, json or html.", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Write the result here instead of printing it.", valueName: "file"))
    var output: String?

    func run() throws {
        guard let format = AnalysisReport.Format(rawValue: format) else {
            throw UserError("--format \(format): use one of \(AnalysisReport.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let main = try policyOption.load()
        var policies = [main]
        for path in compare {
            do {
                policies.append(try PolicyLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path))
            } catch let error as PolicyError {
                throw UserError("bad policy to compare: \(error)")
            }
        }
        var options = CallsAnalysis.Options()
        for entry in staff {
            let (response, value) = try Self.pair(entry, option: "--staff")
            guard let units = Int(value), (1...500).contains(units) else { throw UserError("--staff \(entry): units must be a whole number from 1 to 500") }
            options.staff[response] = units
        }
        for entry in service {
            let (response, value) = try Self.pair(entry, option: "--service")
            guard let minutes = Double(value), minutes > 0, minutes <= 24 * 60 else {
                throw UserError("--service \(entry): minutes must be a number above 0 and at most 1440")
            }
            guard main.response(id: response) != nil else { throw UserError("--service \(entry): \(main.name) has no response '\(response)'") }
            options.serviceMinutes[response] = minutes
        }
        let layout = try exportLayout(mapping: mapping, policy: main)
        let bar = ProgressBar.onTerminal()
        let analysis: CallsAnalysis
        do {
            analysis = try CallsAnalysis.run(path: calls, policies: policies, mapping: layout, options: options,
                                             progress: bar.map { bar in { bar.show($0) } })
        } catch {
            bar?.finish()
            throw UserError("cannot analyze: \(error)")
        }
        bar?.finish()
        let text = AnalysisReport.render(analysis, policies: policies, format: format)
        if let output {
            do { try PrivateFile.write(Array(text.utf8), to: output) } catch {
                throw UserError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }

    static func pair(_ entry: String, option: String) throws -> (String, String) {
        let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else { throw UserError("\(option) \(entry): expected RESPONSE=NUMBER, as CRT=3") }
        return (parts[0].uppercased(), parts[1])
    }
}
