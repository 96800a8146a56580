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

/// The form and the call's details with a places file and street guide: a place or address fills the beat and says
/// how, and what is known about the place is shown, safety cautions in the alert colour.
@Suite("New-call form: places and addresses")
struct PlacesFormTests {
    func formAtLocation(_ console: ConsoleHarness) throws {
        console.press(.character("n"))
        let form = try #require(console.state.overlay?.newCallForm)
        console.press(Array(repeating: .tab, count: try #require(form.fields.firstIndex(of: .location))))
    }

    /// The role of the first cell of `text` on screen.
    func role(of text: String, in console: ConsoleHarness) -> ThemeRole? {
        let grid = console.screen()
        for y in 0..<grid.height {
            let row = grid.text(ofRow: y)
            guard let range = row.range(of: text) else { continue }
            return grid[row.distance(from: row.startIndex, to: range.lowerBound), y].role
        }
        return nil
    }

    @Test("a known place fills the beat and shows its cautions, the safety one first and in the alert colour")
    func knownPlace() throws {
        let console = try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces)
        try formAtLocation(console)
        console.type("the shelter")
        #expect(console.state.overlay?.newCallForm?.text(.beat) == "513")
        let screen = console.screenText()
        #expect(screen.contains("from place · D5 · in pilot area"), "\(screen)")
        #expect(screen.contains("Known place: Riverside Shelter · 600 E Main St"), "\(screen)")
        let safety = try #require(screen.range(of: "⚠ history of weapons: ask"), "\(screen)")
        let other = try #require(screen.range(of: "· shelter: staff will meet the team"))
        #expect(safety.lowerBound < other.lowerBound)
        #expect(role(of: "⚠ history of weapons", in: console) == .flag)
        #expect(role(of: "· shelter: staff", in: console) == .formHint)
    }

    @Test("an address fills the beat from the street guide; a number the street lacks leaves the beat to the call-taker")
    func address() throws {
        let console = try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces)
        try formAtLocation(console)
        console.type("1201 East Main Street")
        #expect(console.state.overlay?.newCallForm?.text(.beat) == "111")
        #expect(console.screenText().contains("from address · D1"), "\(console.screenText())")
        // A unit after the street is not the street.
        console.type(" Apt 4")
        #expect(console.state.overlay?.newCallForm?.text(.beat) == "111")

        let missing = try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces)
        try formAtLocation(missing)
        missing.type("9000 E Main St")
        #expect(missing.state.overlay?.newCallForm?.text(.beat) == "")
        #expect(missing.screenText().contains("no 9000 E MAIN ST in street guide"), "\(missing.screenText())")

        // A location nothing knows says so, and leaves the beat to the call-taker.
        let unknown = try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces)
        try formAtLocation(unknown)
        unknown.type("behind the old mill")
        #expect(unknown.state.overlay?.newCallForm?.text(.beat) == "")
        #expect(unknown.screenText().contains("location not found: enter the beat; ? = unknown"), "\(unknown.screenText())")
    }

    @Test("the recorded call's details show what is known about its place")
    func details() throws {
        let console = try ConsoleHarness(width: 120, height: 40, intake: Durham.intakeWithPlaces)
        console.takeCall("Mental Health Crisis", beat: "513", location: "Riverside Shelter, side door")
        let call = try #require(console.state.shift.calls.last)
        console.press(.enter)
        #expect(console.state.overlay != nil)
        let screen = console.screenText()
        #expect(screen.contains("\(call.id) · Mental Health Crisis"), "\(screen)")
        #expect(screen.contains("Known place: Riverside Shelter"), "\(screen)")
        #expect(screen.contains("⚠ history of weapons: ask"), "\(screen)")
    }
}
