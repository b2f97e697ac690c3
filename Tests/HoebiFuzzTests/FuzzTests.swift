import Foundation
import HoebiImport
import HoebiSources
import Testing
import ZIPFoundation

@testable import HoebiCore
@testable import HoebiServer
@testable import HoebiStore

/// The fuzz target: seeded mutations of real inputs fed to every reader — statement files (CSV,
/// xlsx, encrypted xlsx), the bank API codecs and the configuration loader — for a bounded time
/// (`HOEBI_FUZZ_SECONDS`, default 60, split between the readers; `HOEBI_FUZZ_SEED` to vary it).
/// A reader may refuse a mutant with an error, never trap: a trap ends this process and fails
/// the suite, and the mutant being read is in `fuzzLastInput` to reproduce it. Whatever a reader
/// accepts must satisfy the ledger's invariants, and is pushed through the allocator and the
/// report so their arithmetic is fuzzed too.
@Suite(.serialized) struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seconds = ProcessInfo.processInfo.environment["HOEBI_FUZZ_SECONDS"].flatMap(Double.init) ?? 60
    static let seed = ProcessInfo.processInfo.environment["HOEBI_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261122
    static let scratch: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("hoebi-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()
    static var fuzzLastInput: URL { scratch.appendingPathComponent("last-input") }

    static func files(_ folder: String, _ ext: [String]) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        // (The zip bomb is checked by RegressionTests; as a seed it would be inflated every mutant.)
        return names.sorted().filter { n in ext.contains { n.hasSuffix($0) } && !n.hasPrefix("bomb") }.map { dir.appendingPathComponent($0) }
    }

    /// What a reader's refusal must be: one of Hoebi's own errors saying what is wrong (a file and
    /// a problem, a configuration path, a bank API's kind and message), never a library's raw error.
    static func isClear(_ error: any Error) -> Bool {
        switch error {
        case let e as ImportError: return !e.file.isEmpty && !e.problem.isEmpty
        case let e as ConfigErrors: return !e.errors.isEmpty && e.errors.allSatisfy { !$0.path.isEmpty && !$0.reason.isEmpty }
        case let e as ConfigError: return !e.path.isEmpty && !e.reason.isEmpty
        case let e as SourceError: return !e.message.isEmpty
        default: return false
        }
    }

    struct Figures { var mutants = 0, accepted = 0, seedsAccepted = 0 }

    /// Runs `body` on mutants of `seeds` until the time share is used. A mutant either reads or is
    /// refused with a clear error (`isClear`); anything else is recorded with its input kept.
    @discardableResult
    static func fuzz(_ name: String, share: Double, seeds: [[UInt8]], _ body: ([UInt8]) throws -> Void) -> Figures {
        #expect(!seeds.isEmpty, "no seeds for \(name)")
        // Each reader its own stream, the same on every machine (String.hashValue is not).
        var hashSeed: UInt64 = 1469598103934665603
        for b in name.utf8 { hashSeed = (hashSeed ^ UInt64(b)) &* 1099511628211 }
        var mutator = Mutator(seed: seed ^ hashSeed)
        let deadline = Date().addingTimeInterval(seconds * share)
        var f = Figures()
        var unclear = 0
        func attempt(_ input: [UInt8]) -> Bool {
            do {
                try body(input)
                return true
            } catch {
                if !isClear(error) {
                    unclear += 1
                    let kept = scratch.appendingPathComponent("unclear-\(name)-\(unclear)")
                    try? Data(input).write(to: kept)
                    if unclear <= 3 { Issue.record("\(name): refused with an unclear error (\(type(of: error))): \(error); input in \(kept.path)") }
                }
                return false
            }
        }
        // The seeds themselves first: they must all be read or clearly refused, without a trap.
        for s in seeds where attempt(s) { f.seedsAccepted += 1 }
        var slowest = 0.0
        while Date() < deadline, !seeds.isEmpty {
            let input = mutator.mutate(seeds[mutator.random.below(seeds.count)], corpus: seeds)
            try? Data(input).write(to: fuzzLastInput)
            let started = Date()
            if attempt(input) { f.accepted += 1 }
            // A reader that takes seconds over a small input is a denial of service waiting to happen.
            let took = Date().timeIntervalSince(started)
            if took > slowest {
                slowest = took
                try? Data(input).write(to: scratch.appendingPathComponent("slowest-\(name)"))
            }
            f.mutants += 1
        }
        #expect(slowest < 10, "\(name): a mutant took \(slowest) s; it is in \(scratch.path)/slowest-\(name)")
        #expect(unclear == 0, "\(name): \(unclear) mutants refused with an unclear error")
        print(
            "fuzz \(name): \(f.mutants) mutants in \(Int(seconds * share)) s, \(f.accepted) read, \(f.seedsAccepted) of \(seeds.count) seeds read, "
                + "no crash, slowest \(String(format: "%.2f", slowest)) s")
        return f
    }

    static let account = "kakaobank:3333011234567"

    /// What a statement that was read must be: amounts within the limit, nothing negative.
    static func check(_ rows: [Transaction]) {
        for t in rows {
            #expect(t.amount > 0 && t.amount <= Money.limit, "accepted amount \(t.amount)")
            #expect(t.balance.map(Money.isPlausible) ?? true, "accepted balance \(String(describing: t.balance))")
        }
        // Through the core: the allocator and the report must not trap on anything accepted.
        let group = Group(
            id: "g", name: "g", account: Account(bank: "kakaobank", number: "3333011234567"),
            dues: Dues(dueDay: 10, schedule: [.init(from: Period(year: 2025, month: 1)!, amount: 30000)]),
            members: [Member(id: "hong", name: "홍길동"), Member(id: "lee", name: "이서연", amount: Money.limit)])
        let deposits = rows.enumerated().filter { $0.element.direction == .deposit }.map {
            Deposit(id: Int64($0.offset + 1), time: $0.element.time, amount: $0.element.amount, text: $0.element.text, kind: $0.element.kind)
        }
        var allocator = Allocator(group: group, learnedAliases: ["홍길동": "gone", "이서연": LearnedRule.collective(nil).stored])
        // Every kind of decision on what was read: a member gone, a collective payment, a split of
        // any amount (which may not add up), and the withdrawals as refunds to pair.
        var decisions: [Int64: Decision] = [:]
        for (i, d) in deposits.prefix(3).enumerated() {
            decisions[d.id] =
                [
                    .assign(member: "gone", periods: []), .collective(members: nil, periods: [], rest: "찬조"),
                    .split(parts: [DepositPart(member: "hong", amount: d.amount / 2), DepositPart(member: nil, amount: d.amount - d.amount / 2, label: "x")])
                ][i]
        }
        let withdrawals = rows.enumerated().filter { $0.element.direction != .deposit }.map {
            Deposit(
                id: Int64($0.offset + 1), time: $0.element.time, amount: $0.element.amount, text: $0.element.text, kind: $0.element.kind, memo: $0.element.memo)
        }
        let result = allocator.run(deposits: deposits, decisions: decisions, withdrawals: withdrawals)
        var snapshot = LedgerSnapshot(transactions: rows.count, balance: nil, allocations: result.allocations, deposits: [:], review: [], other: [])
        snapshot.holds = result.holds
        _ = try? Report(group: group, periods: Period.range(Period(year: 2025, month: 1)!, Period(year: 2027, month: 12)!), snapshot: snapshot)
        _ = Continuity.breaks(
            in: rows.enumerated().map {
                Continuity.Row(
                    id: Int64($0.offset), time: $0.element.time, signedAmount: $0.element.direction == .deposit ? $0.element.amount : -$0.element.amount,
                    balance: $0.element.balance, text: $0.element.text)
            })
    }

    static func readStatement(_ bytes: [UInt8], name: String, password: String? = nil) throws {
        let url = scratch.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        var rows: [Transaction] = []
        let source: (@Sendable () throws -> String)? = password.map { p in { @Sendable in p } }
        do {
            _ = try StatementReader(file: url, account: account, password: source).read { rows.append($0) }
        } catch {
            // A refusal names the file, row and column, never what a seed holds of people: the
            // holders' and depositors' names and the balance of ibk-merged.xlsx.
            let text = "\(error)"
            for secret in ["홍길동", "김서연", "이서연", "이민호8월", "IBK평생한가족통장", "1,234,567"] {
                #expect(!text.contains(secret), "a refusal quotes '\(secret)': \(text)")
            }
            throw error
        }
        check(rows)
    }

    @Test func csvStatements() {
        let seeds = Self.files("Tests/HoebiImportTests/Fixtures", [".csv"]) + Self.files("Tests/HoebiFuzzTests/Regressions", [".csv"])
        let f = Self.fuzz("csv", share: 0.2, seeds: seeds.compactMap { try? Array(Data(contentsOf: $0)) }) {
            try Self.readStatement($0, name: "mutant.csv")
        }
        // The reader gets past the first bytes: the real statements read (the regression seeds are
        // refusals by design), and so do some mutants.
        #expect(f.seedsAccepted >= 3 && f.accepted > 0, "\(f)")
    }

    /// xlsx mutants are made inside the zip (a flipped byte in the deflate stream only tests the
    /// CRC): one XML part is mutated and the workbook zipped again.
    @Test func xlsxStatements() throws {
        // (shares: csv 0.2, xlsx 0.3 + container 0.1, xls/html 0.1, encrypted 0.1, codecs 0.1, config 0.1)
        let seeds =
            Self.files("Tests/HoebiImportTests/Fixtures", [".xlsx"]).filter {
                !$0.lastPathComponent.contains("encrypted") && !$0.lastPathComponent.contains("truncated")
            }
            + Self.files("Tests/HoebiFuzzTests/Regressions", [".xlsx"])
        // (ZIPFoundation, which the harness uses to take workbooks apart, hangs on the fuzz-found zip.)
        let workbooks = seeds.filter { !$0.lastPathComponent.hasPrefix("fuzz-zip") }.compactMap { try? Workbook(Data(contentsOf: $0)) }
        var picker = SeededRandom(seed: Self.seed)
        let partSeeds = workbooks.flatMap { $0.parts.values.filter { !$0.isEmpty } }
        let f = Self.fuzz("xlsx", share: 0.25, seeds: partSeeds) { mutant in
            var wb = workbooks[picker.below(workbooks.count)]
            let targets = wb.parts.keys.sorted().filter { $0.hasSuffix(".xml") }
            let name = targets.contains("xl/worksheets/sheet1.xml") && picker.chance(70) ? "xl/worksheets/sheet1.xml" : targets[picker.below(targets.count)]
            wb.parts[name] = mutant
            try Self.readStatement(Array(try wb.zipped()), name: "mutant.xlsx")
        }
        // And the zip container itself, byte-mutated.
        let m = Self.fuzz("xlsx-container", share: 0.1, seeds: seeds.compactMap { try? Array(Data(contentsOf: $0)) }) {
            try Self.readStatement($0, name: "mutant-zip.xlsx")
        }
        #expect(f.accepted > 0 && m.seedsAccepted > seeds.count / 2, "\(f) \(m)")
    }

    /// Old .xls workbooks and HTML "Excel" files: byte mutations of the whole file reach the BIFF
    /// records (they sit in the compound file's sectors) and the HTML tags.
    @Test func xlsAndHTMLStatements() {
        let seeds = Self.files("Tests/HoebiImportTests/Fixtures", [".xls"]).filter { !$0.lastPathComponent.contains("encrypted") }
        let f = Self.fuzz("xls-html", share: 0.1, seeds: seeds.compactMap { try? Array(Data(contentsOf: $0)) }) {
            try Self.readStatement($0, name: "mutant.xls")
        }
        #expect(f.seedsAccepted > seeds.count / 2 && f.accepted > 0, "\(f)")
    }

    /// Each encrypted seed is fuzzed with its own password, so mutants get past the password check
    /// into the decryption (agile and "standard") and the workbook inside.
    @Test func encryptedStatements() throws {
        let seeds = [
            ("kakaobank-canon-encrypted.xlsx", "123456"), ("toss-encrypted.xlsx", "990101"), ("toss-standard-encrypted.xlsx", "990101"),
            ("rc4-encrypted.xlsx", "x"), ("shinhan-inquiry-encrypted.xls", "x")
        ]
        var opened = 0
        for (file, password) in seeds {
            let data = try Array(Data(contentsOf: Self.root.appendingPathComponent("Tests/HoebiImportTests/Fixtures/" + file)))
            let f = Self.fuzz("encrypted-\(file)", share: 0.1 / Double(seeds.count), seeds: [data]) { mutant in
                try Self.readStatement(mutant, name: "mutant-enc.xlsx", password: password)
            }
            opened += f.seedsAccepted
        }
        // The three the app can open (agile and standard encryption) open with their passwords.
        #expect(opened == 3)
    }

    @Test func bankCodecs() {
        var seeds: [[UInt8]] = []
        for source in ["codef", "kftc", "koscom", "woori"] {
            seeds += Self.files("Tests/HoebiSourcesTests/Fixtures/" + source, [".json"]).compactMap { try? Array(Data(contentsOf: $0)) }
        }
        seeds += Self.files("Tests/HoebiFuzzTests/Regressions", [".json"]).filter { !$0.lastPathComponent.hasPrefix("config") }
            .compactMap { try? Array(Data(contentsOf: $0)) }
        Self.fuzz("codecs", share: 0.1, seeds: seeds) { mutant in
            let body = Data(mutant)
            for name in Codecs.names {
                if let parsed = try? Codecs.named(name, organization: "0004")?.parseTransactions(body, account: Self.account) {
                    Self.check(parsed.transactions)
                }
            }
            _ = try? AccountLists.woori(body)
            _ = try? AccountLists.codef(body)
            _ = try? AccountLists.kftc(body)
            _ = CodefCodec.decodeBody(body)
        }
    }

    /// What the service reads from a browser: sign-in and action forms, the upload form's
    /// multipart body (MultipartKit and the Content-Disposition reader written here).
    @Test func serviceForms() {
        let multipart = Array(
            """
            --XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nabc\r\n\
            --XyZ\r\nContent-Disposition: form-data; name="file"; filename="카카오;거래 \\"내역\\".xlsx"\r\n\
            Content-Type: application/octet-stream\r\n\r\nPK\u{3}\u{4}data\r\n--XyZ--\r\n
            """.utf8)
        // A header name beyond ASCII trapped MultipartKit 4.7.1 (why the reader is written here).
        let hangulHeader = Array("--XyZ\r\n이름: 값\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XyZ--".utf8)
        #expect(FormParts(contentType: "multipart/form-data; boundary=XyZ", bytes: hangulHeader)?.fields["a"] == "b")
        let seeds = [
            multipart, hangulHeader, Array("name=%EC%B4%9D%EB%AC%B4&password=correct+horse&csrf=abc&next=%2Fg%2Fx".utf8),
            Array("action=assign&member=hong&only=1&reason=%ED%99%98%EB%B6%88".utf8),
            Array("action=collect&members[]=hong&members[]=lee&periods=2026-05&rest=%EC%B0%AC%EC%A1%B0&everyMonth=1".utf8),
            Array("action=split&member=hong&duesAmount=20%2C000&periods=2026-08&otherLabel=x&otherAmount=15000".utf8)
        ]
        let group = Group(
            id: "g", name: "g", account: Account(bank: "kakaobank", number: "1"),
            dues: Dues(dueDay: 10, schedule: [.init(from: Period("2026-01")!, amount: 20000)]),
            members: [Member(id: "hong", name: "홍길동"), Member(id: "lee", name: "이서연")])
        Self.fuzz("service-forms", share: 0.05, seeds: seeds) { mutant in
            if let parts = FormParts(contentType: "multipart/form-data; boundary=XyZ", bytes: mutant) {
                for (_, file) in parts.files { #expect(!file.filename.contains("/")) }
            }
            _ = FormParts.parameters(String(decoding: mutant, as: UTF8.self))
            let text = String(decoding: mutant, as: UTF8.self)
            _ = Forms.decode(Forms.SignIn.self, text)
            _ = DashboardController.partsAction(Forms.decode(Forms.Decision.self, text), group)
        }
        // The review card's collective payment and split read as meant.
        let collect = DashboardController.partsAction(Forms.decode(Forms.Decision.self, String(decoding: seeds[4], as: UTF8.self)), group)
        if case .collect(let ms, let ps, let rest, let every)? = collect {
            #expect(ms == ["hong", "lee"] && ps == [Period("2026-05")!] && rest == "찬조" && every)
        } else {
            Issue.record("collect form read as \(String(describing: collect))")
        }
        let split = DashboardController.partsAction(Forms.decode(Forms.Decision.self, String(decoding: seeds[5], as: UTF8.self)), group)
        if case .split(let parts)? = split {
            #expect(parts.map(\.amount) == [20000, 15000] && parts[0].member == "hong" && parts[1].label == "x")
        } else {
            Issue.record("split form read as \(String(describing: split))")
        }
        // The form seeds read as meant: percent-escapes and '+' for a space.
        let signIn = Forms.decode(Forms.SignIn.self, String(decoding: seeds[2], as: UTF8.self))
        #expect(signIn.name == "총무" && signIn.password == "correct horse" && signIn.next == "/g/x" && signIn.csrf == "abc")
        let decision = Forms.decode(Forms.Decision.self, String(decoding: seeds[3], as: UTF8.self))
        #expect(decision.action == "assign" && decision.member == "hong" && decision.only == "1" && decision.reason == "환불")
        // The seed itself reads as meant: a quoted semicolon and escaped quotes stay in the name.
        let parts = FormParts(contentType: "multipart/form-data; boundary=XyZ", bytes: multipart)
        #expect(parts?.fields["csrf"] == "abc" && parts?.files["file"]?.filename == "카카오;거래 \"내역\".xlsx")
    }

    /// The store's record of a collective payment or split (decisions.parts): a damaged row reads
    /// as no decision, never a trap.
    @Test func storedDecisionParts() {
        let seeds = [
            Decision.collective(members: ["hong", "lee"], periods: [Period("2026-05")!], rest: "찬조"), .collective(members: nil, periods: [], rest: nil),
            .split(parts: [DepositPart(member: "hong", periods: [Period("2026-08")!], amount: 20000), DepositPart(member: nil, amount: 15000, label: "뒷풀이")])
        ].map { Array(DecisionParts.encode($0).utf8) }
        for s in seeds { #expect(DecisionParts.decode(String(decoding: s, as: UTF8.self)) != nil) }
        Self.fuzz("decision-parts", share: 0.02, seeds: seeds) { mutant in
            _ = DecisionParts.decode(String(decoding: mutant, as: UTF8.self))
        }
    }

    /// A receipt is known by its first bytes: any bytes are answered (a kind or a refusal), never a trap.
    @Test func receiptFiles() {
        let seeds: [[UInt8]] = [
            [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], Array("%PDF-1.7\n".utf8), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
            Array("\0\0\0\u{18}ftypheic\0\0\0\0".utf8), Array("RIFF\0\0\0\0WEBPVP8 ".utf8)
        ]
        for s in seeds { #expect(ReceiptKind.mediaType(of: s) != nil, "\(s)") }
        let f = Self.fuzz("receipts", share: 0.01, seeds: seeds) { mutant in
            _ = ReceiptKind.problem(mutant, name: "영수증.jpg")
        }
        #expect(f.seedsAccepted > 0, "\(f)")
    }

    @Test func configurations() {
        var seeds =
            [Self.root.appendingPathComponent("config.example.json")]
            + Self.files("Tests/HoebiFuzzTests/Regressions", [".json"]).filter { $0.lastPathComponent.hasPrefix("config") }
        seeds = seeds.filter { FileManager.default.fileExists(atPath: $0.path) }
        let f = Self.fuzz("config", share: 0.1, seeds: seeds.compactMap { try? Array(Data(contentsOf: $0)) }) { mutant in
            let config = try Configuration.parse(Data(mutant))
            for g in config.groups {
                for m in g.members { _ = g.obligation(of: m, in: g.firstPeriod) }
                // Whatever cycles, dates and amounts were accepted: allocation and the report hold.
                let texts = g.members.prefix(4).flatMap { [$0.name, $0.name + " 3월", $0.name + " 2분기", $0.name + " 26년 연회비", $0.name + " 상반기"] }
                let deposits = texts.enumerated().map { i, text in
                    Deposit(id: Int64(i + 1), time: SeoulTime(year: 2026, month: 1 + i % 12, day: 5)!, amount: Won(10_000 * (1 + i % 7)), text: text)
                }
                var allocator = Allocator(group: g, learnedAliases: [:])
                let result = allocator.run(deposits: deposits, decisions: [:])
                let snapshot = LedgerSnapshot(transactions: deposits.count, balance: nil, allocations: result.allocations, deposits: [:], review: [], other: [])
                let end = g.firstPeriod.advanced(by: g.dues.cycle.reportSpan - 1)
                if let report = try? Report(group: g, periods: Period.range(g.firstPeriod, end), snapshot: snapshot) {
                    _ = Notice(report: report, period: end, mask: true)
                    // Whatever events and words were accepted: their books, settlements, texts and the 결산 hold.
                    let rows = deposits.map {
                        EventMoney(line: Report.DepositLine(id: $0.id, time: $0.time, amount: $0.amount, text: $0.text + " 송년회"), incoming: $0.id % 3 != 0)
                    }
                    let books = g.events.map { EventBook(event: $0, group: g, rows: rows) }
                    for b in books {
                        _ = EventText.notice(b, group: g, mask: true)
                        if let s = b.settle(cost: 450_000) { _ = EventText.settlement(b, s, way: .even, group: g) }
                        _ = b.settle(cost: 450_000, way: .fee)
                    }
                    _ = Closing(report: report, categories: Categories(group: g), events: books, now: SeoulTime(year: 2026, month: 12, day: 1))
                }
            }
        }
        #expect(f.seedsAccepted > 0 && f.accepted > 0, "\(f)")
    }
}

/// An xlsx as its parts, to mutate one and zip it again (ZIPFoundation both ways).
struct Workbook {
    var parts: [String: [UInt8]] = [:]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for e in archive {
            var bytes = Data()
            _ = try archive.extract(e, skipCRC32: true) { bytes.append($0) }
            parts[e.path] = Array(bytes)
        }
    }

    func zipped() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            let d = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { pos, size in
                d.subdata(in: Int(pos)..<(Int(pos) + size))
            }
        }
        return archive.data ?? Data()
    }
}
