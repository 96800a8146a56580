import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// The new-call form helped by the caller's words and location: suggestions offered, taken only with a key;
/// coordinates resolved to a beat, never over one the call-taker typed.
@Suite("New-call form: words and location")
struct IntakeFormTests {
    /// Opens the form and moves the focus to `field`.
    func form(at field: NewCallForm.Field, in console: ConsoleHarness) throws {
        console.press(.character("n"))
        let form = try #require(console.state.overlay?.newCallForm)
        let index = try #require(form.fields.firstIndex(of: field))
        console.press(Array(repeating: .tab, count: index))
    }

    @Test("words in the notes suggest a call type and a question; ^T takes the suggestion, nothing is set without it")
    func wordsSuggest() throws {
        let console = try ConsoleHarness(width: 120, height: 35)
        try form(at: .note, in: console)
        console.type("he has a knife and says he wants to end it on the bridge")
        let form = try #require(console.state.overlay?.newCallForm)
        #expect(form.text(.callType).isEmpty)
        #expect(form.suggested?.suggestions.first.map { Durham.policy[$0.callType].name } == "Suicide Threat")
        let screen = console.screenText()
        #expect(screen.contains("Words suggest Suicide Threat (^T takes it) ‘end it’, ‘bridge’"), "\(screen)")
        #expect(screen.contains("— words: ‘knife’"), "\(screen)")
        #expect(form.answer(Durham.policy.safetyFlag(id: "weapon")!.index) == .notAsked)
        console.press(.control("t"))
        #expect(console.state.overlay?.newCallForm?.text(.callType) == "Suicide Threat")
    }

    @Test("coordinates in the location fill an empty beat and say so; a typed beat is kept and the difference shown")
    func locationFillsTheBeat() throws {
        let console = try ConsoleHarness(width: 120, height: 35)
        try form(at: .location, in: console)
        console.type("35.9886,-78.8939")
        #expect(console.state.overlay?.newCallForm?.text(.beat) == "513")
        var screen = console.screenText()
        #expect(screen.contains("from location · D5 · in pilot area"), "\(screen)")

        let typed = try ConsoleHarness(width: 120, height: 35)
        try form(at: .beat, in: typed)
        typed.type("412")
        let form = try #require(typed.state.overlay?.newCallForm)
        typed.press(Array(repeating: .tab, count: form.fields.firstIndex(of: .location)! - form.focus))
        typed.type("35.9886,-78.8939")
        #expect(typed.state.overlay?.newCallForm?.text(.beat) == "412")
        screen = typed.screenText()
        #expect(screen.contains("the location is in beat 513"), "\(screen)")

        let outside = try ConsoleHarness(width: 120, height: 35)
        try self.form(at: .location, in: outside)
        outside.type("35.7796,-78.6382")
        #expect(outside.state.overlay?.newCallForm?.text(.beat) == "")
        #expect(outside.screenText().contains("the location is outside every beat: enter one"))
    }
}

private extension Overlay {
    var newCallForm: NewCallForm? {
        if case .newCall(let form) = self { return form }
        return nil
    }
}
