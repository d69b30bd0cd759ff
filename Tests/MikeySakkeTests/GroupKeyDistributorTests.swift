import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import Testing

/// One GMK to many members (a GMS's re-key, TS 33.180 §5.7, E.2).
@Suite struct GroupKeyDistributorTests {
    static let members = (1 ... 5).map { IMessageParty(uri: "sip:member\($0)@example.org", kmsURI: World.kmsURI) }

    @Test func everyMemberGetsTheGMKInItsOwnMessageUnderOneTimestampAndRAND() async throws {
        let world = try world()
        let distributor = GroupKeyDistributor(creator: world.creator, sender: world.sender, memberKeyPeriod: World.period)
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier(purpose: .gmk, value: 0x77)
        let messages = try await distributor.distribute(gmk: gmk, gmkID: gmkID, to: Self.members, time: World.time, tasks: 2)
        #expect(messages.count == Self.members.count)
        #expect(Set(messages.compactMap { $0.rand?.value }).count == 1)
        #expect(Set(messages.map(\.header.csbID)).count == Self.members.count)  // one GUK-ID per member
        for (member, message) in zip(Self.members, messages) {
            #expect(message.identity(.responder)?.text == member.uri)
            let received = try world.receiver(for: member).process(message.encoded, now: World.time)
            #expect(received.key == gmk)
            #expect(received.keyIdentifier == gmkID)
            #expect(received.time == World.time)
        }
    }

    @Test func oneTaskAndManyTasksGiveMessagesForTheSameMembersInOrder() async throws {
        let world = try world()
        let distributor = GroupKeyDistributor(creator: world.creator, sender: world.sender, memberKeyPeriod: World.period)
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier(purpose: .gmk, value: 0x78)
        for tasks in [1, 3, 8] {
            let messages = try await distributor.distribute(gmk: gmk, gmkID: gmkID, to: Self.members, time: World.time, tasks: tasks)
            #expect(messages.map { $0.identity(.responder)?.text } == Self.members.map(\.uri))
        }
        #expect(try await distributor.distribute(gmk: gmk, gmkID: gmkID, to: [], time: World.time).isEmpty)
    }

    @Test func aMemberWhoseMessageCannotBeMadeFailsTheReKeyByIndex() async throws {
        let world = try world()
        let distributor = GroupKeyDistributor(creator: world.creator, sender: world.sender, memberKeyPeriod: World.period)
        var members = Self.members
        members[3] = IMessageParty(uri: String(repeating: "x", count: 70_000), kmsURI: World.kmsURI)
        do {
            _ = try await distributor.distribute(gmk: .random(count: 16), gmkID: KeyIdentifier(purpose: .gmk, value: 1), to: members, time: World.time)
            Issue.record("a re-key with an unencodable member succeeded")
        } catch {
            guard case .memberFailed(let index, _, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(index == 3)
        }
    }

    @Test func onlyAGMKIsDistributedToAGroup() async throws {
        let world = try world()
        let distributor = GroupKeyDistributor(creator: world.creator, sender: world.sender, memberKeyPeriod: World.period)
        await #expect(throws: MikeySakkeError.self) {
            try await distributor.distribute(gmk: .random(count: 16), gmkID: KeyIdentifier(purpose: .pck, value: 1), to: Self.members, time: World.time)
        }
    }
}
