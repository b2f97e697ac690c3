import Foundation
import Testing

@testable import HoebiStore

/// The import's reading thread (`Pipelined`): what it hands over arrives whole and in order, and
/// either side's error ends both without leaving the other running.
@Suite struct PipelinedTests {
    struct Bad: Error, Equatable { var at: Int }

    @Test(arguments: [0, 1, 2047, 2048, 2049, 100_000])
    func everythingArrivesInOrder(_ n: Int) throws {
        var got: [Int] = []
        let output = try Pipelined.run(
            produce: { emit in
                for i in 0..<n { try emit(i) }
                return "read \(n)"
            }, consume: { got.append($0) })
        #expect(output == "read \(n)")
        #expect(got == Array(0..<n))
    }

    /// The consumer fails at the tenth element: its error is the one thrown, and the producer is
    /// stopped at its next hand-over instead of reading the rest of a large statement.
    @Test func aConsumersErrorStopsTheProducer() throws {
        var produced = 0
        var producerSaw: (any Error)?
        #expect(throws: Bad(at: 10)) {
            try Pipelined.run(
                produce: { emit in
                    do {
                        for i in 0..<10_000_000 {
                            produced = i
                            try emit(i)
                        }
                    } catch {
                        producerSaw = error
                        throw error
                    }
                    return 0
                }, consume: { i in if i == 10 { throw Bad(at: 10) } })
        }
        // At most the batches that fit in the pipe were read ahead (4 waiting, 1 being filled, 1 taken).
        #expect(produced < 6 * 2048 + 1)
        #expect(producerSaw is Pipelined.Stopped)
    }

    /// The producer fails (a bad row halfway through a file): its error is thrown, and what it
    /// handed over before may or may not have been consumed, never anything after.
    @Test func aProducersErrorIsThrown() throws {
        var got: [Int] = []
        #expect(throws: Bad(at: 5000)) {
            try Pipelined.run(
                produce: { emit in
                    for i in 0..<10_000 {
                        if i == 5000 { throw Bad(at: i) }
                        try emit(i)
                    }
                    return 0
                }, consume: { got.append($0) })
        }
        #expect(got == Array(0..<got.count) && got.count <= 5000)
    }
}
