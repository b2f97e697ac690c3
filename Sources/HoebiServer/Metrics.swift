import Prometheus

/// `/metrics` (Prometheus text): requests and their latency (Hummingbird's MetricsMiddleware
/// through swift-metrics), syncs, imports and each group's review size. Labels are group ids and
/// results only: no names, no amounts.
enum Metrics {
    static let registry = PrometheusCollectorRegistry()

    static func synced(_ group: String, ok: Bool, seconds: Double) {
        registry.makeCounter(name: "hoebi_syncs_total", labels: [("group", group), ("result", ok ? "ok" : "failed")],
                             help: "Syncs run by the service").increment()
        registry.makeGauge(name: "hoebi_sync_last_seconds", labels: [("group", group)], help: "How long the last sync took").set(to: seconds)
    }

    static func imported(_ rows: Int) {
        registry.makeCounter(name: "hoebi_imports_total", help: "Statements imported through the service").increment()
        registry.makeCounter(name: "hoebi_imported_rows_total", help: "New ledger rows from imported statements").increment(by: Int64(rows))
    }

    static func review(_ group: String, _ count: Int) {
        registry.makeGauge(name: "hoebi_review_size", labels: [("group", group)], help: "Deposits waiting for the treasurer").set(to: Double(count))
    }
}
