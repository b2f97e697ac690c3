import ArgumentParser
import Foundation
import HoebiCore
import HoebiFixtures

extension Hoebi {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.help("evaluate"),
            discussion: Messages.help("evaluate.discussion"))
        @Option(help: h("First seed.")) var seed: UInt64 = 1
        @Option(help: h("How many histories (seeds seed, seed+1, …).")) var runs: Int = 5
        @Option(help: h("Members per history.")) var members: Int = 60
        @Option(help: h("Months per history.")) var months: Int = 24
        @Flag(help: h("Print JSON.")) var json = false

        func run() throws {
            var total = Evaluation.CaseFigures()
            var sums = (deposits: 0, automatic: 0, correct: 0, assignable: 0, assigned: 0, cells: 0, agreeing: 0, checking: 0, answered: 0)
            var byCase: [String: Evaluation.CaseFigures] = [:]
            var mistakes: [String] = []
            for s in seed..<(seed + UInt64(runs)) {
                let e = Evaluation(LabelledHistory(seed: s, members: members, months: months))
                sums.deposits += e.deposits
                sums.automatic += e.automatic
                sums.correct += e.correctAutomatic
                sums.assignable += e.assignable
                sums.assigned += e.assignedAssignable
                sums.cells += e.cells
                sums.agreeing += e.agreeingCells
                sums.checking += e.checkingCells
                sums.answered += e.answeredAgreeingCells
                for (k, v) in e.byCase {
                    byCase[k, default: .init()].count += v.count
                    byCase[k, default: .init()].automatic += v.automatic
                    byCase[k, default: .init()].correct += v.correct
                }
                mistakes += e.mistakes.prefix(3).map { "seed \(s): \($0)" } + (e.reportError.map { ["seed \(s): the report failed: \($0)"] } ?? [])
                total.count += e.deposits
            }
            // Nothing measured scores 0, not a perfect 1 (as in `Evaluation`).
            let precision = sums.automatic == 0 ? 0 : Double(sums.correct) / Double(sums.automatic)
            let share = Double(sums.assigned) / Double(max(1, sums.assignable))
            let agreement = Double(sums.agreeing) / Double(max(1, sums.cells))
            let answered = Double(sums.answered) / Double(max(1, sums.cells))
            if json {
                let doc: [String: Any] = [
                    "deposits": sums.deposits, "automatic": sums.automatic, "correct": sums.correct, "precision": precision,
                    "assignable": sums.assignable, "automaticShare": share, "cells": sums.cells, "statusAgreement": agreement,
                    "checkingCells": sums.checking, "answeredAgreement": answered
                ]
                try printJSON(doc)
                return
            }
            printOut("\(runs) histories × \(members) members × \(months) months: \(sums.deposits) deposits\n")
            printOut(String(format: "precision of automatic assignments  %.4f  (%d of %d right; target ≥ 0.999)\n", precision, sums.correct, sums.automatic))
            printOut(String(format: "automatic share of assignable       %.4f  (%d of %d; target ≥ 0.95)\n", share, sums.assigned, sums.assignable))
            printOut(
                String(
                    format: "period-status agreement             %.4f  (%d of %d member-months; %d shown as 확인 필요)\n", agreement, sums.agreeing, sums.cells,
                    sums.checking))
            printOut(String(format: "  after the review is answered      %.4f  (%d of %d)\n\n", answered, sums.answered, sums.cells))
            printOut("case               deposits  automatic  right\n")
            for (k, v) in byCase.sorted(by: { $0.value.count > $1.value.count }) {
                printOut(
                    DisplayWidth.padRight(k, to: 18) + DisplayWidth.padLeft("\(v.count)", to: 8) + DisplayWidth.padLeft("\(v.automatic)", to: 11)
                        + DisplayWidth.padLeft("\(v.correct)", to: 7) + "\n")
            }
            if !mistakes.isEmpty { printOut("\nwrong automatic assignments (first few):\n" + mistakes.map { "  " + $0 }.joined(separator: "\n") + "\n") }
        }
    }
}
