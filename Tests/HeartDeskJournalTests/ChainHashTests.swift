import Testing
@testable import HeartDeskJournal

/// The record hash is what docs/journal-format.md says, byte for byte: SHA-256(previous hash ‖ u32le(length) ‖ payload),
/// chained from SHA-256 of the header. The expected values come from Python's hashlib, not from the code under test,
/// so a journal written by this build verifies anywhere the format is read.
@Suite("The hash chain's bytes")
struct ChainHashTests {
    @Test("the first record chains from SHA-256 of the file's header")
    func genesis() {
        #expect(JournalFormat.genesis.hex == "1b820064e4e0481bd1430ee354b45278b12d23db9931258f06bd2032f93b19f4")
    }

    // Payload lengths around SHA-256's 64-byte blocks once the 36-byte prefix is added (padding needs 9 bytes: a
    // message of 55 bytes fits one block, 56 takes two), an empty payload, and records larger than a block.
    @Test("a record's hash is SHA-256 of the previous hash, its length and its payload", arguments: [
        (0, "d055899db150e9c775588071e15581152541d6efe56bdd98027fc896b3d30fb8"),
        (1, "7de335ecde87ec93b5afef6bf2a9c82c7cf6e3d4209ef86b267a7ca12da5e563"),
        (19, "271670f4f98e9940bbcfaf945d75d9c8fa705b99815afed4675c2e95d8fddcef"),
        (20, "9cb0d7079f24cc90d15bb80ed7f327ec8f5e09c68c1307e0e7f38b449c00f5c2"),
        (28, "879c0c3501314d1c66ccb10719781344185193d77c80af33e59456ad67dafb24"),
        (83, "432eb8c7af8a05471721ca5de48a3c759542ba5ec2318e5d48e3842e28ac60b5"),
        (84, "65fbf7eac13782ae8e3410c1842b6ee58c0473f53a3a3f64e3e8747db7b2e013"),
        (180, "7cdfb66d34ce205266b6ec57b4a13c74dac321d1339b42dabff5d37e193d7431"),
        (1000, "c832ab072ff24ba3ea9c3edfb92697657667b60c61c6666921bdc373ea0d49a8"),
        (5000, "4f3daf56a764f740adb084c82db33088606a0516ac513e6e24fe8c7c3a19cded"),
    ])
    func recordHash(length: Int, expected: String) {
        let payload = (0..<length).map { UInt8($0 % 251) }
        let hash = payload.withUnsafeBytes { JournalFormat.chain(JournalFormat.genesis, payload: $0) }
        #expect(hash.hex == expected)
        #expect(JournalFormat.frame(payload, after: JournalFormat.genesis).hash == hash)
    }
}
