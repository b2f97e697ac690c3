import HoebiCore

/// Why a statement file could not be imported. Always says where: file, sheet, row, column.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var column: String?
    public var problem: String
    public var hint: String?

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, problem: String, hint: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        var place = file
        if let sheet { place += Messages.t("place.sheet", sheet) }
        if let row { place += Messages.t("place.row", row) }
        if let column { place += Messages.t("place.column", column) }
        return "\(place): \(problem)" + (hint.map { Messages.t("place.hint", $0) } ?? "")
    }
}
