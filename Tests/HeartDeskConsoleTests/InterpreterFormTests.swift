import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// The interpreter need on the form, the board and the dispatch picker, with the policy's interpreter line named
/// when no free crew speaks the language.
@Suite("Interpreter need in the console")
struct InterpreterFormTests {
    func console() throws -> ConsoleHarness {
        try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces, router: Router(policy: Durham.policyWithPlaces))
    }

    /// Takes a Mental Health Crisis in beat 111 with `language` and the interpreter key `key`.
    func take(_ console: ConsoleHarness, language: String, key: Character, check: (String) -> Void = { _ in }) throws {
        console.press(.character("n"))
        console.type("Mental Health Crisis")
        console.press(.tab)
        console.type("111")
        console.press(.tab)
        for _ in Durham.policy.safetyFlags { console.press(.character("n"), .tab) }
        console.type("5 Elm St")
        console.press(.tab, .tab, .tab)
        console.type(language)
        console.press(.tab)
        #expect(console.state.overlay?.newCallForm?.focusedField == .interpreter)
        console.press(.character(key))
        check(console.screenText())
        console.press(.enter)
    }

    @Test("needed: the form says so with the line, the board marks the call, the picker names the line")
    func spoken() throws {
        let console = try console()
        try take(console, language: "Tagalog", key: "y") { screen in
            #expect(screen.contains("Interpret. needed: Tagalog"), "\(screen)")
            #expect(screen.contains("Interpreter needed (Tagalog): a crew that speaks it,"), "\(screen)")
            #expect(screen.contains("else the language line, 919-555-0142"), "\(screen)")
        }
        let call = try #require(console.state.shift.calls.last)
        #expect(call.intake.interpreter == .spoken && call.intake.language == "Tagalog")
        console.press(.escape)
        #expect(console.screenText().contains("111  INT"), "\(console.screenText())")
        console.press(.character("d"))
        let screen = console.screenText().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("no free CRT crew speaks Tagalog: use the language line, 919-555-0142"), "\(screen)")
    }

    @Test("ASL: a is the key, the board marks ASL, and a wrong key says which keys answer")
    func signLanguage() throws {
        let console = try console()
        try take(console, language: "", key: "a") { screen in #expect(screen.contains("Interpret. ASL"), "\(screen)") }
        #expect(console.state.shift.calls.last?.intake.interpreter == .signLanguage)
        console.press(.escape)
        #expect(console.screenText().contains("111  ASL"), "\(console.screenText())")

        console.press(.character("n"))
        let form = try #require(console.state.overlay?.newCallForm)
        console.press(Array(repeating: .tab, count: try #require(form.fields.firstIndex(of: .interpreter))))
        console.press(.character("q"))
        #expect(console.screenText().contains("Interpreter: y needed (spoken), a ASL, n not needed"))
    }
}
