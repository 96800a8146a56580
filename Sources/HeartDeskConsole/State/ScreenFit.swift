/// How much of the console the terminal has room for.
public enum ScreenFit: Sendable, Hashable {
    /// 80×24 or more: the whole board.
    case full
    /// Smaller, but the queue still fits: a one-line header, the queue (or the supervisor's figures) and the key bar,
    /// with a line saying to widen the terminal, as htop does.
    case compact
    /// Not even the queue fits: only a request to enlarge.
    case tooSmall
}
