import CNCurses
import HeartDeskConsole

/// Curses attributes for every theme role, with colour pairs allocated as the theme needs them.
struct ColorTable {
    private var attributes: [ThemeRole: attr_t] = [:]

    /// Builds the table for `theme` on the running terminal; without colour support only attributes are used.
    init(theme: Theme, useColor: Bool) {
        let colors = useColor ? Int(hd_colors()) : 0
        let maxPairs = useColor ? Int(hd_color_pairs()) : 0
        var pairs: [[Int]: Int16] = [:]
        for role in ThemeRole.allCases {
            let style = theme.style(role)
            var value = hd_attributes(UInt32(style.attributes.rawValue))
            if colors >= 8 {
                let fg = style.foreground.index(forTerminalWith: colors), bg = style.background.index(forTerminalWith: colors)
                if fg != -1 || bg != -1 {
                    let key = [fg, bg]
                    if pairs[key] == nil, pairs.count + 1 < maxPairs {
                        let number = Int16(pairs.count + 1)
                        init_pair(number, Int16(fg), Int16(bg))
                        pairs[key] = number
                    }
                    if let number = pairs[key] { value |= hd_color_pair(Int32(number)) }
                }
            }
            attributes[role] = value
        }
    }

    subscript(role: ThemeRole) -> attr_t { attributes[role] ?? 0 }
}
