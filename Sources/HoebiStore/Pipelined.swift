import Foundation

/// Runs a producer on a thread of its own while the caller consumes what it makes, in batches:
/// an import reads and parses its statement (CSV, the xlsx's inflate and XML) on one core while
/// SQLite stores the rows already read on the other. Serially the two added up: a 1M-row CSV's
/// read and store took 8.5-9.0 s, overlapped 6.0-6.2 s (`HOEBI_TIMING`). Nothing in the standard
/// library or the listed packages overlaps a synchronous, throwing producer with a synchronous
/// consumer (GRDB's writes are synchronous inside one transaction).
///
/// Order is kept (one producer, batches in order). Either side's error ends both: a consumer's
/// error makes the producer's next hand-over throw, so it unwinds; the producer's error ends the
/// batches. The producer's thread is joined before this returns, so `produce` and everything it
/// captured are used only while the caller is waiting here.
enum Pipelined {
    /// Thrown into the producer once the consumer has failed.
    struct Stopped: Error {}

    static func run<Element, Output>(
        batch size: Int = 2048, produce: (_ emit: (Element) throws -> Void) throws -> Output, consume: (Element) throws -> Void
    ) throws -> Output {
        try run(batch: size, produce: produce, prepare: { $0 }, consume: consume)
    }

    /// `prepare` turns each element into what `consume` takes, on the producer's thread (an
    /// import's identities and times: sequential work that needs no database).
    static func run<Element, Prepared, Output>(
        batch size: Int = 2048, produce: (_ emit: (Element) throws -> Void) throws -> Output,
        prepare: (Element) throws -> Prepared, consume: (Prepared) throws -> Void
    ) throws -> Output {
        let pipe = Pipe<Prepared>(depth: 4)
        return try withoutActuallyEscaping(produce) { produce in
            try withoutActuallyEscaping(prepare) { prepare in
                let job = Job {
                    var buffer: [Prepared] = []
                    buffer.reserveCapacity(size)
                    let outcome = Result {
                        let output = try produce { element in
                            buffer.append(try prepare(element))
                            if buffer.count >= size {
                                try pipe.put(buffer)
                                buffer.removeAll(keepingCapacity: true)
                            }
                        }
                        if !buffer.isEmpty { try pipe.put(buffer) }
                        return output
                    }
                    pipe.finish()
                    return outcome
                }
                // Without a second thread (none to be had) the same work runs as it always did.
                guard let thread = job.start() else { return try produce { try consume(try prepare($0)) } }
                var failure: (any Error)?
                while let batch = pipe.take() {
                    do {
                        for element in batch { try consume(element) }
                    } catch {
                        failure = error
                        pipe.stop()
                        break
                    }
                }
                pthread_join(thread, nil)
                if let failure { throw failure }
                guard let outcome = job.outcome else { throw Stopped() }
                return try outcome.get()
            }
        }
    }

    /// Batches waiting between the two threads, at most `depth` of them (bounded memory).
    final class Pipe<Element>: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[Element]] = []
        private var finished = false
        private var stopped = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        func put(_ batch: [Element]) throws {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= depth && !stopped { condition.wait() }
            if stopped { throw Stopped() }
            batches.append(batch)
            condition.broadcast()
        }

        /// The next batch; nil once the producer has finished and every batch was taken.
        func take() -> [Element]? {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty && !finished { condition.wait() }
            if batches.isEmpty { return nil }
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }

        func finish() {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// What a thread runs: not generic, because a C thread entry cannot name a generic type.
    class Work: @unchecked Sendable {
        func run() {}

        /// The running thread, or nil when no thread could be made.
        func start() -> pthread_t? {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self as Work).toOpaque()
            let started = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
                    return nil
                }, context)
            guard started == 0 else {
                Unmanaged<Work>.fromOpaque(context).release()
                return nil
            }
            return thread
        }
    }

    /// The producer's work and, once its thread is joined, what it came to. The work is dropped
    /// as soon as it has run (or could not start), so nothing holds `produce` past the join.
    final class Job<Output>: Work, @unchecked Sendable {
        private var body: (() -> Result<Output, any Error>)?
        private(set) var outcome: Result<Output, any Error>?

        init(_ body: @escaping () -> Result<Output, any Error>) { self.body = body }

        override func run() {
            let body = self.body
            self.body = nil
            outcome = body?()
        }

        override func start() -> pthread_t? {
            guard let thread = super.start() else {
                body = nil
                return nil
            }
            return thread
        }
    }
}
