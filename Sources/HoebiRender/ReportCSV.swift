import HoebiCore

/// The report as CSV, one line per member and period (easy to pivot in a spreadsheet or script).
public enum ReportCSV {
    public static func render(_ r: Report) -> String {
        var out = "group,member_id,name,period,due,paid,status\n"
        for m in r.members {
            for (p, c) in zip(r.periods, m.cells) {
                out += [r.group.id, m.id, m.name, p.description, String(c.due), String(c.paid), c.status.rawValue]
                    .map(field).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
