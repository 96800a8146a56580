// Figures for docs/benchmarks.md. Build and run in release mode:
//   swift run -c release heartdesk-bench [routing|policy|intake|journal|positions|console|analyze|import|soak|all] [calls]
//   swift run -c release heartdesk-bench replay FILE   (replay one journal five times from a cold heap; time, CPU, heap held)
// (`console` and `import` need the release `heartdesk` built beside it: swift build -c release)
// Not a test: the figures depend on the machine, so they are written down, not asserted.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"
// The soak starts its call-taking positions as processes of this executable; they speak only its protocol.
if which == "soak-position", arguments.count == 4, let index = Int(arguments[2]), let start = Double(arguments[3]) {
    do {
        try SoakPosition.run(path: arguments[1], index: index, start: Date(timeIntervalSince1970: start))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("heartdesk-bench soak-position: \(error)\n".utf8))
        exit(1)
    }
}
print("machine: \(machineDescription()); one thread")
do {
    if which == "replay", let path = arguments.dropFirst().first {
        try runReplayBenchmark(path: path)
    }
    if which == "routing" || which == "all" {
        try runRoutingBenchmark(callCount: arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000)
    }
    if which == "policy" || which == "all" {
        try runPolicyBenchmark()
    }
    if which == "intake" || which == "all" {
        try runLocationBenchmark()
        try runSuggestionBenchmark()
        try runRepeatCallerBenchmark()
    }
    if which == "journal" || which == "all" {
        try runJournalBenchmark()
    }
    if which == "console" || which == "all" {
        try runFrameBenchmark()
        try runKeystrokeBenchmark()
    }
    if which == "analyze" || which == "all" {
        try runAnalyzeBenchmark()
    }
    if which == "import" || which == "all" {
        try runImportBenchmark()
    }
    if which == "positions" || which == "all" {
        try runManyPositionsBenchmark()
    }
    if which == "soak" || which == "all" {
        try runSoakBenchmark()
    }
} catch {
    FileHandle.standardError.write(Data("heartdesk-bench: \(error)\n".utf8))
    exit(1)
}
