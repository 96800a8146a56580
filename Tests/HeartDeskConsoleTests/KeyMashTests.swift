import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// Thousands of keys a tired or careless hand might press, at any terminal size, with the clock moving: the console
/// never crashes, draws every frame, and the journal holds exactly what the board shows.
@Suite("Console under a key-mash")
struct KeyMashTests {
    /// Every key the console binds except quitting (F10, q), weighted toward the ones that open forms and pickers,
    /// plus text a paste can bring: accents, wide characters, a family emoji, a right-to-left override, a bell.
    static let keys: [Key] = {
        let commands: [Key] = "ndseotcubarixfgv/<>I?".map { .character($0) }
            + [.enter, .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end,
               .pageUp, .pageDown, .control("t"), .control("u")]
            + (1...9).map { .function($0) }
        let text: [Key] = "CRT1 Main St yn?0123-".map { .character($0) }
            + ["é", "東", "👩‍👩‍👧", "\u{202E}", "\u{7}"].map { .character($0) }
        return commands + commands + text
    }()

    static let sizes: [(width: Int, height: Int)] = [(80, 24), (1, 1), (12, 4), (40, 10), (120, 40), (200, 60), (79, 23)]

    @Test("a seeded mash of 3,000 keys: no crash, every frame drawn, nothing acknowledged lost", arguments: [1, 2, 3] as [UInt64])
    func mash(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let console = try ConsoleHarness()
        // A few calls to act on, so dispatch, status, close and revise reach their real paths.
        console.takeCall("Mental Health Crisis", beat: "111")
        console.takeCall("Trespass", beat: "214", flags: [0])
        console.takeCall("Welfare Check", beat: "413", askAll: false)
        for step in 0..<3_000 {
            console.press(Self.keys.randomElement(using: &random)!)
            if step % 97 == 0 { console.advance(minutes: Double(Int.random(in: 0...45, using: &random))) }
            if step % 150 == 0 {
                // A call now and then, taken properly, so the mash has fresh calls to dispatch, revise and close.
                console.press(.escape, .escape)
                let type = Durham.policy.callTypes.randomElement(using: &random)!
                let beat = Durham.policy.beats.randomElement(using: &random)!
                console.takeCall(type.name, beat: beat.id, flags: Bool.random(using: &random) ? [0] : [],
                                 askAll: Bool.random(using: &random))
            }
            if step % 211 == 0 {
                let size = Self.sizes.randomElement(using: &random)!
                console.resize(width: size.width, height: size.height)
            }
            let grid = console.screen()
            #expect(grid.width == console.state.width && grid.height == console.state.height)
            if console.state.wantsQuit { Issue.record("quit without a quit key at step \(step)"); break }
        }
        // What the board holds is what the journal holds: read back from the file alone, record for record.
        let shift = console.state.shift
        let replayed = try Journal.open(console.journalPath, mode: .read)
        #expect(replayed.recordCount == shift.eventCount)
        #expect(replayed.state.calls.map(\.id) == shift.calls.map(\.id))
        #expect(replayed.state.calls.map(\.state) == shift.calls.map(\.state))
        #expect(replayed.state.units.map(\.status) == shift.units.map(\.status))
        // The mash did real work: calls taken between the keys (some land on an overlay and are not), some closed.
        #expect(shift.calls.count >= 8 && shift.calls.contains { $0.state == .closed })
    }
}
