// heartdesk-journal-stress JOURNAL PREFIX COUNT [DEADLINE]
// Opens (creating if needed) a Durham shift journal (a file, or a postgresql:// URL) and appends COUNT notes "PREFIX-n" to call C-0001,
// printing "PREFIX-n" on stdout only after each is durable. Test tooling: the crash test kills it with
// SIGKILL mid-loop and checks every printed note survived; the two-writer test runs two at once. DEADLINE (seconds)
// bounds each database query, as a console's 5 s does; the cut-cable test gives 2.
import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskPostgres

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: heartdesk-journal-stress JOURNAL PREFIX COUNT [DEADLINE]\n".utf8))
    exit(64)
}
let (path, prefix) = (arguments[1], arguments[2])
do {
    let policy = try PolicyLoader.bundledDurham()
    let router = Router(policy: policy)
    let units = try RosterLoader.bundledDurham(policy: policy)
    let journal: any ShiftJournal
    if PostgresJournalURL.isURL(path) {
        let database = try PostgresJournal.open(try PostgresJournalURL(path), mode: .write)
        if arguments.count == 5, let deadline = Double(arguments[4]) { database.answerDeadline = deadline }
        journal = database
    } else {
        journal = try Journal.open(path, mode: .write)
    }
    let stamp = EventStamp.live(at: Date(timeIntervalSince1970: 1_795_460_400), position: "stress", operatorName: prefix)
    try journal.append { state in
        // Only the first writer to get the lock opens the shift and takes the call the notes go on.
        guard state.call("C-0001") == nil else { return [] }
        let call = ShiftCommand.newCall(NewCall(callType: "Mental Health Crisis", beat: "111"))
        return try call.stampedEvents(in: state, router: router, stamp: stamp) { units }
    }
    for n in 1...max(1, count) {
        let text = "\(prefix)-\(n)"
        try journal.record(.addNote(callID: "C-0001", text: text), router: router, stamp: stamp)
        FileHandle.standardOutput.write(Data((text + "\n").utf8))  // unbuffered: printed means durable
    }
} catch {
    FileHandle.standardError.write(Data("heartdesk-journal-stress: \(error)\n".utf8))
    exit(1)
}
