import Dispatch

/// A task executor for long, CPU-bound cryptography (a KMS batch of key sets, a group re-key's
/// SAKKE encapsulations and signatures): jobs run on Dispatch's worker
/// threads, which grow to the number of cores, instead of on Swift's
/// cooperative pool. A server's request handlers keep the cooperative pool,
/// and a caller that blocks one of its threads (as some benchmark harnesses
/// do) does not halve the re-key.
package final class CryptoWorkExecutor: TaskExecutor, @unchecked Sendable {
    /// One per process. Its only state is a concurrent queue, safe to share.
    package static let shared = CryptoWorkExecutor()

    private let queue = DispatchQueue(label: "swift-mikey-sakke.crypto-work", qos: .userInitiated, attributes: .concurrent)

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
