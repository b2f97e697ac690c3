import Prometheus

/// `/metrics` (Prometheus text): requests and their latency (Hummingbird's MetricsMiddleware
/// through swift-metrics), syncs, imports and each group's review size. Labels are group ids and
/// results only: no names, no amounts.
enum Metrics {
    static let registry = PrometheusCollectorRegistry()

    /// A metric's name as swift-prometheus 2 wants it: the name, then its unit ("total", "seconds").
    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    static func synced(_ group: String, ok: Bool, seconds: Double) {
        registry.makeCounter(
            descriptor: name("hoebi_syncs", "total", "Syncs run by the service"),
            labels: [("group", group), ("result", ok ? "ok" : "failed")]
        ).increment()
        registry.makeGauge(descriptor: name("hoebi_sync_last", "seconds", "How long the last sync took"), labels: [("group", group)]).set(to: seconds)
    }

    static func imported(_ rows: Int) {
        registry.makeCounter(descriptor: name("hoebi_imports", "total", "Statements imported through the service")).increment()
        registry.makeCounter(descriptor: name("hoebi_imported_rows", "total", "New ledger rows from imported statements")).increment(by: Int64(rows))
    }

    static func review(_ group: String, _ count: Int) {
        registry.makeGauge(descriptor: name("hoebi_review", "size", "Deposits waiting for the treasurer"), labels: [("group", group)]).set(to: Double(count))
    }
}
