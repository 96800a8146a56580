import Foundation
import Testing
import TestSupport

/// `sslmode` in the journal URL, against a server that accepts only encrypted connections and whose self-signed
/// certificate no system trusts: as docs/many-positions.md says a center requires TLS.
@Suite(.serialized) final class PostgresTLSTests {
    let server: PostgresServer

    init() throws {
        server = try PostgresServer(tls: true)
    }

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    @Test(arguments: ["require", "prefer"])
    func anEncryptedConnectionRecordsAndVerifies(sslMode: String) throws {
        let url = server.url(shift: "tls-\(sslMode)", sslMode: sslMode)
        let made = try heartdesk(["shift", "new-call", "--journal", url, "--type", "MHC", "--beat", "111"])
        #expect(made.status == 0 && made.stdout == "C-0001\n", "\(made.stderr)")
        #expect(try heartdesk(["journal", "verify", url]).status == 0)
    }

    @Test func anUnencryptedConnectionIsRefusedInOneLine() throws {
        let refused = try heartdesk(["shift", "new-call", "--journal", server.url(shift: "plain", sslMode: "disable"),
                                     "--type", "MHC", "--beat", "111"])
        #expect(refused.status == 2, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("no encryption"), "\(refused.stderr)")
    }

    @Test func aCertificateNoAuthorityVouchesForIsRefusedUnderVerifyFull() throws {
        let refused = try heartdesk(["shift", "new-call", "--journal", server.url(shift: "verify", sslMode: "verify-full"),
                                     "--type", "MHC", "--beat", "111"])
        #expect(refused.status == 2, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("certificate"), "\(refused.stderr)")
        // Nothing reached the database.
        if try server.psql("SELECT to_regclass('heartdesk_events') IS NOT NULL") == "t\n" {
            #expect(try server.psql("SELECT count(*) FROM heartdesk_events WHERE shift = 'verify'") == "0\n")
        }
    }
}
