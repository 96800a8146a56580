import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character set of the user's locale, as the C library reads it from LC_ALL, LC_CTYPE and LANG.
public enum TerminalLocale {
    /// Whether the user's locale is UTF-8. Takes the locale from the environment first (`setlocale(LC_ALL, "")`),
    /// as curses needs before it starts; the console then draws in UTF-8 either way, but block-element charts
    /// are left to terminals set up for it.
    public static func isUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
