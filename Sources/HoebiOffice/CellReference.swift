/// Spreadsheet cell references, as both reading and writing need them.
public enum CellReference {
    /// The column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
    public static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(65 + r)!) + s
            n = (n - 1) / 26
        }
        return s
    }
}
