import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiStore
import HoebiWiring

func printChanges(_ changes: [Ledger.Change], _ group: Group) {
    let names = group.displayNames()
    if changes.isEmpty {
        printOut(Messages.t("changes.nothing") + "\n")
        return
    }
    printOut(Messages.t("changes.list", changes.count) + "\n")
    for c in changes.prefix(50) {
        printOut("  " + depositLine(c.id, c.time, c.amount, c.text) + "  \(c.from.shown(names)) → \(c.to.shown(names))\n")
    }
    if changes.count > 50 { printOut(Messages.t("more", changes.count - 50) + "\n") }
}
