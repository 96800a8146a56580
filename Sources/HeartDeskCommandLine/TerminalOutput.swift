import Foundation
import HeartDeskCore

/// Prints text meant for a terminal on stdout: HeartDesk's own line breaks kept, anything else that a
/// terminal would act on (escapes from a note, a name, a scenario line) shown visibly instead.
func say(_ text: String, terminator: String = "\n") {
    print(SafeText.terminal(text, keepingNewlines: true), terminator: terminator)
}

/// Writes one line on stderr, made safe the same way: an error quoting what the user typed must not run it.
func complain(_ line: String) {
    FileHandle.standardError.write(Data((shortened(SafeText.terminal(line)) + "\n").utf8))
}

/// Longest error line written whole: the longest real message (a list of known names) is a few hundred characters.
let longestErrorLine = 1_000

/// `line`, or, past ``longestErrorLine`` characters (an error quoting back a pasted 100 KB argument), its start and its
/// end with the middle left out: the start says which command and what was wrong, the end why.
func shortened(_ line: String) -> String {
    guard line.count > longestErrorLine else { return line }
    let kept = (longestErrorLine - 40) / 2
    let omitted = line.count - 2 * kept
    return "\(line.prefix(kept)) … (\(omitted) characters left out) … \(line.suffix(kept))"
}
