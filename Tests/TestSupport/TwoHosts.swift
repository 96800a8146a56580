import Foundation

/// Two "machines" on one: network namespaces joined by a virtual cable, the database's host at 10.231.N.1 and a
/// position's at 10.231.N.2, so positions are on separate addresses as in a 911 center.
///
/// ``cut()`` takes the server's end of the cable down, as a failed switch would: packets to the server vanish and
/// nothing is refused, so a client learns only by waiting. Needs root (CAP_NET_ADMIN) and `ip`, as CI has.
public final class TwoHosts {
    public let serverNamespace: String
    public let positionNamespace: String
    public let serverAddress: String
    public let positionAddress: String
    private let serverLink: String

    public init() throws {
        let tag = UUID().uuidString.prefix(6).lowercased()
        let subnet = Int.random(in: 1...254)
        serverNamespace = "hd-db-\(tag)"
        positionNamespace = "hd-pos-\(tag)"
        serverAddress = "10.231.\(subnet).1"
        positionAddress = "10.231.\(subnet).2"
        // Interface names are at most 15 characters.
        serverLink = "hdd\(tag)"
        let positionLink = "hdp\(tag)"
        try Self.ip(["netns", "add", serverNamespace])
        try Self.ip(["netns", "add", positionNamespace])
        try Self.ip(["link", "add", serverLink, "type", "veth", "peer", "name", positionLink])
        try Self.ip(["link", "set", serverLink, "netns", serverNamespace])
        try Self.ip(["link", "set", positionLink, "netns", positionNamespace])
        for (namespace, link, address) in [(serverNamespace, serverLink, serverAddress), (positionNamespace, positionLink, positionAddress)] {
            try Self.ip(["-n", namespace, "addr", "add", address + "/24", "dev", link])
            try Self.ip(["-n", namespace, "link", "set", link, "up"])
            try Self.ip(["-n", namespace, "link", "set", "lo", "up"])
        }
    }

    deinit {
        // Deleting a namespace deletes its end of the cable, and the other end with it.
        _ = try? Self.ip(["netns", "delete", serverNamespace])
        _ = try? Self.ip(["netns", "delete", positionNamespace])
    }

    /// The words that run a command on the position's host.
    public var onPosition: [String] { ["/usr/sbin/ip", "netns", "exec", positionNamespace] }
    /// The words that run a command on the server's host.
    public var onServer: [String] { ["/usr/sbin/ip", "netns", "exec", serverNamespace] }

    /// Cuts the cable at the server's end: nothing between the hosts gets through, and nothing says so.
    public func cut() throws { try Self.ip(["-n", serverNamespace, "link", "set", serverLink, "down"]) }

    /// Joins the cable again.
    public func mend() throws { try Self.ip(["-n", serverNamespace, "link", "set", serverLink, "up"]) }

    private static func ip(_ arguments: [String]) throws {
        try SpawnedCommand.run(["/usr/sbin/ip"] + arguments)
    }
}
