import Foundation
import HeartDeskConsole
import Testing

/// Theme files: parsing, errors with line numbers, fallbacks, NO_COLOR, 8-colour terminals.
@Suite struct ThemeTests {
    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeCatalog.shipped(name)
        #expect(theme.name == name)
        // Alerts must stand out from plain text in every theme.
        #expect(theme.style(.queueAlert) != theme.style(.text))
        #expect(theme.style(.unitBackup) != theme.style(.unit))
        // The supervisor's targets: met, near and missed must look different from each other.
        #expect(Set([theme.style(.targetMet), theme.style(.targetNear), theme.style(.targetMissed)]).count == 3)
    }

    @Test func monochromeUsesNoColourAndNoColorSelectsIt() throws {
        #expect(!(try ThemeCatalog.shipped("monochrome")).usesColor)
        let chosen = try ThemeCatalog.load("high-contrast", environment: ["NO_COLOR": "1"])
        #expect(chosen.name == "monochrome")
        let empty = try ThemeCatalog.load("high-contrast", environment: ["NO_COLOR": ""])
        #expect(empty.name == "high-contrast")
    }

    @Test func aRoleLeftOutFallsBackToItsParent() throws {
        let theme = try Theme.parse("text = white\nunit = green bold\n", name: "t", source: "t.theme")
        #expect(theme.style(.unitBackup) == theme.style(.unit))
        #expect(theme.style(.queueAlert) == theme.style(.text))
    }

    @Test(arguments: [
        ("unit.avail = green", 1, "unknown role 'unit.avail'"),
        ("text = white\ntext = red", 2, "role text is set twice (first on line 1)"),
        ("# ok\n\nqueue.alert = white on", 3, "'on' needs a background colour"),
        ("flag = purple", 1, "'purple' is not a colour or attribute"),
        ("flag = red green", 1, "two foreground colours"),
        ("flag red", 1, "expected 'role = colours'"),
        ("flag = 300", 1, "'300' is not a colour"),
        ("flag = 196/bright-red", 1, "'196/bright-red' is not a colour"),
    ])
    func badLinesAreNamed(text: String, line: Int, message: String) {
        #expect {
            _ = try Theme.parse(text, name: "bad", source: "bad.theme")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.line == line && error.description.hasPrefix("bad.theme:\(line): \(message)")
        }
    }

    @Test(arguments: [
        ("red", -1, 1, 1), ("bright-red", -1, 9, 1), ("196", -1, 196, 1), ("21", -1, 21, 4),
        ("244/white", -1, 244, 7), ("236", -1, 236, 0), ("default", -1, -1, -1),
    ])
    func colorsPickTheirEightColourStandIn(token: String, unused: Int, full: Int, basic: Int) throws {
        let color = try #require(ThemeColor(token))
        #expect(color.index(forTerminalWith: 256) == full)
        #expect(color.index(forTerminalWith: 8) == basic)
    }

    @Test func anUnknownThemeNameIsAClearError() {
        #expect {
            _ = try ThemeCatalog.load("solarized", environment: [:])
        } throws: { error in
            "\(error)".contains("no theme by that name (shipped: default, high-contrast, monochrome")
        }
    }
}
