import Foundation
import KeyDerivation
import MIKEY
import Octets
import SAKKE

/// A GMS's group re-key (TS 33.180 §5.7, E.2): one GMK to every member of a
/// group, one I_MESSAGE each, all under one timestamp and one RAND so that
/// every member derives its SRTP keys from the same inputs (§7.4.2).
///
/// The GMS's signing key and the members' KMS Z_T table are prepared once
/// (in ``creator`` and ``sender``) and shared read-only by every task; the
/// messages are made on every core with structured concurrency, each task
/// taking a contiguous slice of the members. The tasks prefer an executor of
/// Dispatch worker threads, so that this long CPU-bound work leaves Swift's
/// cooperative pool (a server's request handlers) alone.
public struct GroupKeyDistributor: Sendable {
    /// The GMS's creator (its URI, KMS and ECCSI key for the period).
    public let creator: IMessageCreator
    /// A SAKKE sender prepared for the members' KMS.
    public let sender: SAKKE.Sender
    /// The key period of the members' KMS.
    public let memberKeyPeriod: KeyPeriod

    public init(creator: IMessageCreator, sender: SAKKE.Sender, memberKeyPeriod: KeyPeriod) {
        self.creator = creator
        self.sender = sender
        self.memberKeyPeriod = memberKeyPeriod
    }

    /// The I_MESSAGEs carrying `gmk` under `gmkID` to `members`, in the order of `members`.
    ///
    /// - Parameters:
    ///   - gmk: the GMK (16 octets).
    ///   - gmkID: its GMK-ID; each message carries the member's GUK-ID.
    ///   - members: the group's members, each with its KMS URI.
    ///   - time: the one timestamp of every message.
    ///   - rand: the one RAND of every message.
    ///   - tasks: how many tasks share the work; by default one per active core.
    ///   - options: as for one message; key parameters are sealed per member
    ///     (their DPPK-ID is each member's GUK-ID).
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` when `gmkID` is not a
    ///   GMK-ID; ``MikeySakkeError/memberFailed(index:uri:reason:)`` for the
    ///   first member (in order) whose message could not be made; no messages then.
    public func distribute(
        gmk: SecretBytes, gmkID: KeyIdentifier, to members: [IMessageParty], time: NTPTimestamp, rand: RandPayload = .random(),
        options: IMessageOptions = IMessageOptions(), tasks: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws(MikeySakkeError) -> [IMessage] {
        guard gmkID.purpose == .gmk else { throw .invalidArgument("a group re-key distributes a GMK, not a key of purpose \(gmkID.purpose)") }
        let outcomes = await ParallelWork.map(members, tasks: tasks) { index, member in
            make(gmk, gmkID, for: member, index: index, time, rand, options)
        }
        var messages: [IMessage] = []
        messages.reserveCapacity(members.count)
        for outcome in outcomes {
            switch outcome {
            case .success(let message): messages.append(message)
            case .failure(let error): throw error
            }
        }
        return messages
    }

    private func make(
        _ gmk: SecretBytes, _ gmkID: KeyIdentifier, for member: IMessageParty, index: Int, _ time: NTPTimestamp, _ rand: RandPayload,
        _ options: IMessageOptions
    ) -> Result<IMessage, MikeySakkeError> {
        do {
            return .success(
                try creator.create(
                    key: gmk, keyIdentifier: gmkID, to: member, receiverKeyPeriod: memberKeyPeriod, sender: sender, time: time, rand: rand,
                    options: options))
        } catch {
            return .failure(.memberFailed(index: index, uri: member.uri, reason: "\(error)"))
        }
    }
}
