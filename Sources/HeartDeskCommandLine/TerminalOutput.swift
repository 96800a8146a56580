import Foundation
import HeartDeskCore

/// Prints text meant for a terminal on stdout: HeartDesk's own line breaks kept, anything else that a
/// terminal would act on (escapes from a note, a name, a scenario line) shown visibly instead.
func say(_ text: String, terminator: String = "\n") {
    print(SafeText.terminal(text, keepingNewlines: true), terminator: terminator)
}

/// Writes one line on stderr, made safe the same way: an error quoting what the user typed must not run it.
func complain(_ line: String) {
    FileHandle.standardError.write(Data((SafeText.terminal(line) + "\n").utf8))
}
