import Foundation
import Testing
import TestSupport

/// What any command-line tool is expected to answer.
@Suite("Command-line conventions")
struct CommandLineConventionsTests {
    @Test("--version prints the version and exits 0, from the root and from a subcommand")
    func version() throws {
        for arguments in [["--version"], ["shift", "--version"]] {
            let run = try HeartDeskBinary.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(arguments): \(run.stdout)")
        }
    }
}
