import Foundation
import Testing

@testable import HoebiCore
@testable import HoebiSources

func vendor(_ path: String) throws -> Data {
    try Data(contentsOf: Bundle.module.url(forResource: "Fixtures/" + path, withExtension: nil)!)
}

func vendorFiles(_ dir: String) -> [String] {
    let url = Bundle.module.url(forResource: "Fixtures/" + dir, withExtension: nil)!
    return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
}

@Suite struct VendorFixtureTests {
    /// Every vendor body that answers a transaction query parses (rows, or rows skipped with a reason).
    @Test(arguments: BankAPI.all.map(\.name))
    func everyTransactionResponseParses(source: String) throws {
        let files = vendorFiles(source).filter { ($0.contains("Trans") || $0.contains("transaction")) && !$0.hasPrefix("error_") }
        #expect(!files.isEmpty)
        for f in files {
            let parsed = try Codecs.named(source)!.parseTransactions(try vendor("\(source)/\(f)"), account: "a")
            let knownEmpty = [
                "bank2_p_account_transaction-list__KR_BK_2_P_001.json", "bank_b_installment-savings_transaction-list__KR_BK_1_B_004.json",
                "bank_p_installment-savings_transaction-list__KR_BK_1_P_003.json", "transaction_list_header_Do-MU_YD_middle_prj.json"
            ]
            #expect(parsed.transactions.count + parsed.skipped.count > 0 || knownEmpty.contains(f), "\(f) gave nothing")
            #expect(parsed.transactions.allSatisfy { !$0.raw.isEmpty && $0.amount >= 0 }, "\(f)")
            // The raw row is JSON with its keys sorted, and the row the bank sent reads back from it.
            for t in parsed.transactions {
                let back = try JSONSerialization.jsonObject(with: Data(t.raw.utf8))
                #expect(SortedJSON.text(back) == t.raw, "\(f)")
                #expect((back as? [String: Any]).map { !$0.isEmpty } == true, "\(f): \(t.raw)")
            }
        }
    }

    @Test func rawRowsAreJSONThatReadsBackToTheSameValue() throws {
        let sent = #"{"b":"줄\n바꿈 \"따옴표\" \\ / \u0001","a":[1,-2.5,true,false,null,12345678901234],"c":{"z":"","y":0}}"#
        let value = try JSONSerialization.jsonObject(with: Data(sent.utf8))
        let text = try #require(SortedJSON.text(value))
        #expect(text == #"{"a":[1,-2.5,true,false,null,12345678901234],"b":"줄\n바꿈 \"따옴표\" \\ / \u0001","c":{"y":0,"z":""}}"#)
        let again = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(NSDictionary(dictionary: again as! [String: Any]).isEqual(to: value as! [String: Any]))
        #expect(SortedJSON.text(Date()) == nil)
        // Values built in Swift, as the sandbox answers.
        let built: [String: Any] = ["a": 1, "b": true, "c": 2.5, "d": Int64(7), "e": [false, 0] as [Any], "f": NSNull()]
        #expect(SortedJSON.text(built) == #"{"a":1,"b":true,"c":2.5,"d":7,"e":[false,0],"f":null}"#)
    }

    /// Booleans read as "true"/"false" and numbers as digits, on Linux too (where a decoded `true`
    /// passes `is Int` and a decoded 1 passes `is Bool`).
    @Test func booleansAndNumbersReadAsThemselves() throws {
        let r = try JSONReader.parse(Data(#"{"t": true, "f": false, "one": 1, "zero": 0, "won": 910000.000, "s": "1"}"#.utf8), source: "test")
        #expect([r["t"].string, r["f"].string, r["one"].string, r["zero"].string, r["won"].string, r["s"].string] == ["true", "false", "1", "0", "910000", "1"])
        #expect(try r["one"].won("one") == 1 && r["missing"].string == "")
    }

    @Test func woori() throws {
        let spec = try WooriCodec().parseTransactions(try vendor("woori/getAccTransList__spec_pdf_v1.0_2019.json"), account: "a")
        #expect(spec.transactions.map(\.amount) == [40000, 11500])
        #expect(spec.transactions[1].direction == .deposit && spec.transactions[1].text == "김용태" && spec.transactions[1].memo == "양박유")
        #expect(spec.transactions[0].text == "위메프")  // padding trimmed
        let testbed = try WooriCodec().parseTransactions(try vendor("woori/getAccTransList__WooriPickXXX_testfixture.json"), account: "a")
        #expect(testbed.transactions.map(\.time.iso8601).first == "2021-04-21T12:13:22+09:00")  // YYYY-MM-DD dates
        #expect(testbed.transactions.map(\.balance) == [277_400_000, 862_300_000, 178_500_000])  // "277400000.000"
    }

    @Test func codefDepositorDependsOnTheOrganisation() throws {
        let kb = try CodefCodec(organization: "0004").parseTransactions(try vendor("codef/bank_p_account_transaction-list__KR_BK_1_P_002.json"), account: "a")
        #expect(!kb.transactions.isEmpty)
        #expect(kb.covered?.from == "20190401" && kb.covered?.to == "20190619")
        #expect(kb.balance == 874890)
        #expect(kb.transactions.contains { $0.kind == "결산이자" })
        let ibk = try CodefCodec(organization: "0003").parseTransactions(try vendor("codef/bank_b_account_transaction-list__KR_BK_1_B_001.json"), account: "a")
        #expect(ibk.transactions[1].text == "OO(주)" && ibk.transactions[1].memo.contains("rnd_입금표시1"))  // NFKC: （주） → (주)
        #expect(ibk.transactions[0].direction == .withdrawal)
    }

    @Test func codefURLEncodedBodyDecodes() throws {
        let plain = String(decoding: try vendor("codef/bank_p_account_transaction-list__KR_BK_1_P_002.json"), as: UTF8.self)
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~")
        allowed.remove(charactersIn: "+")
        let encoded = plain.addingPercentEncoding(withAllowedCharacters: allowed)!
        #expect(!encoded.hasPrefix("{"))
        let a = try CodefCodec(organization: "0004").parseTransactions(Data(encoded.utf8), account: "a")
        let b = try CodefCodec(organization: "0004").parseTransactions(Data(plain.utf8), account: "a")
        #expect(a.transactions == b.transactions && !a.transactions.isEmpty)
    }

    @Test func codefRowsThatAreNotWonMovementsAreSkippedWithAReason() throws {
        let fx = try CodefCodec().parseTransactions(try vendor("codef/bank_b_exchange_transaction-list__KR_BK_1_B_005.json"), account: "a")
        #expect(fx.transactions.isEmpty && fx.skipped.first?.contains("USD") == true)
        let loan = try CodefCodec().parseTransactions(try vendor("codef/bank_p_loan_transaction-list__KR_BK_1_P_004.json"), account: "a")
        #expect(loan.transactions.isEmpty && loan.skipped.first?.contains("loan") == true)
        let empty = try CodefCodec().parseTransactions(try vendor("codef/bank2_p_account_transaction-list__KR_BK_2_P_001.json"), account: "a")
        #expect(empty.transactions.isEmpty && empty.skipped.isEmpty)
    }

    @Test func codefErrors() throws {
        func kind(_ file: String) -> SourceError? {
            do {
                _ = try CodefCodec().parseTransactions(try vendor("codef/\(file)"), account: "a")
                return nil
            } catch { return error as? SourceError }
        }
        #expect(kind("error_401_invalid_token.json")?.kind == .auth)
        #expect(kind("error_401_invalid_token.json")?.code == "CF-99997")
        #expect(kind("error_CF-94002.json")?.code == "CF-94002")
        #expect(kind("twoway_CF-03002_secureNo__easycodef-node-exam.json")?.kind == .needsUser)
    }

    @Test func kftcPagesAndFragments() throws {
        let page = try KFTCCodec().parseTransactions(try vendor("kftc/transaction_list_testbed_react_Transaction_id30529406959.json"), account: "a")
        #expect(page.transactions.count == 25)
        #expect(page.nextCursor == nil)  // next_page_yn "Y" with an empty cursor: treated as the end
        #expect(page.balance == 5_000_000)  // balance_amt as a JSON number
        let list = try KFTCCodec().parseTransactions(try vendor("kftc/transaction_list_res_list_array_vue_realistic_id15034768088.json"), account: "a")
        #expect(list.transactions.count == 25)
        let item = try KFTCCodec().parseTransactions(try vendor("kftc/transaction_list_res_list_item_Do-MU_YD_middle_prj.json"), account: "a")
        #expect(item.transactions.count == 1)
        #expect { try KFTCCodec().parseTransactions(try vendor("kftc/error_O0002_invalid_token_transaction_list_UMMAYA.json"), account: "a") } throws: {
            ($0 as? SourceError)?.kind == .auth
        }
    }

    @Test func koscomKeepsMoneyInAndOut() throws {
        let r = try KoscomCodec().parseTransactions(try vendor("koscom/account_transaction_search__account_md.json"), account: "a")
        #expect(r.transactions.allSatisfy { $0.kind == "DEP" || $0.kind == "WID" })
        #expect(r.transactions.first?.amount == 14_399_400 && r.transactions.first?.direction == .deposit)
        #expect(!r.skipped.isEmpty)  // trades are not deposits
        #expect(r.nextCursor == "201603100000000961")
    }

    @Test func malformedBodiesSayWhatTheyAre() throws {
        #expect { try WooriCodec().parseTransactions(Data("<html>502 Bad Gateway</html>".utf8), account: "a") } throws: { error in
            let e = error as! SourceError
            return e.kind == .malformed && e.description.contains("not JSON")
        }
        #expect { try WooriCodec().parseTransactions(Data(#"{"dataHeader":{"RSP_CD":"SYSCD03101","RSP_MSG":"초당 처리건수 초과"}}"#.utf8), account: "a") } throws: {
            ($0 as? SourceError)?.kind == .rateLimit
        }
        #expect {
            try WooriCodec().parseTransactions(Data(#"{"dataBody":{"GRID":[{"TRN_DT":"20190110","TRN_TM":"1","RCV_AM":"1.5"}]}}"#.utf8), account: "a")
        } throws: { ($0 as? SourceError)?.kind == .malformed }
    }
}

@Suite struct AccountListTests {
    @Test func everyVendorAccountListParses() throws {
        // The loops below must have bodies to check (a renamed folder would check nothing).
        #expect(vendorFiles("woori").filter { $0.hasPrefix("getIndivAllAccInfo") }.count == 3)
        #expect(vendorFiles("codef").filter { $0.contains("account-list") }.count >= 2)
        for f in vendorFiles("woori") where f.hasPrefix("getIndivAllAccInfo") {
            let accounts = try AccountLists.woori(try vendor("woori/\(f)"))
            #expect(!accounts.isEmpty && accounts.allSatisfy { !$0.id.isEmpty }, "\(f)")
        }
        for f in vendorFiles("codef") where f.contains("account-list") {
            #expect(!(try AccountLists.codef(try vendor("codef/\(f)"))).isEmpty, "\(f)")
        }
        let kftc = try AccountLists.kftc(try vendor("kftc/account_list_or_user_me_res_list_testbed_react_UserInfo_id30357036832.json"))
        #expect(kftc.count == 5 && kftc.allSatisfy { $0.id.count == 24 })
    }

    @Test func woori2019ListShowsBalances() throws {
        let a = try AccountLists.woori(try vendor("woori/getIndivAllAccInfo__digitalwooribank_README_v1.0_2019.json"))
        #expect(a.contains { $0.balance != nil })
    }
}

/// The bank APIs are one registry (`BankAPI.all`): every entry has vendor bodies its codec reads,
/// a name the configuration accepts, and words a treasurer knows it by. (Each entry's sandbox is
/// walked by `SyncTests.everySourceBringsTheWholeHistoryOnce`.)
@Suite struct BankAPIRegistryTests {
    static func config(source: String) -> Data {
        Data(
            """
            {"groups": [{"id": "g", "name": "모임", "account": {"bank": "woori", "number": "1002-123-456789"},
              "dues": {"dueDay": 10, "schedule": [{"from": "2026-01", "amount": 30000}]}, "members": [{"id": "a", "name": "홍길동"}],
              "sync": {"source": "\(source)", "baseURL": "http://127.0.0.1:1"}}]}
            """.utf8)
    }

    @Test func everyAPIIsComplete() {
        #expect(Set(BankAPI.all.map(\.name)).count == BankAPI.all.count, "two APIs share a name")
        // A configuration names its source from the registry itself: every entry is accepted,
        // and an unknown name is refused with the entries listed.
        for api in BankAPI.all {
            #expect(throws: Never.self) { try Configuration.parse(Self.config(source: api.name), sources: BankAPI.all.map(\.name)) }
        }
        let refused = #expect(throws: ConfigErrors.self) { try Configuration.parse(Self.config(source: "nosuchbank"), sources: BankAPI.all.map(\.name)) }
        #expect(BankAPI.all.allSatisfy { "\(refused.map { "\($0)" } ?? "")".contains($0.name) }, "\(String(describing: refused))")
        for api in BankAPI.all {
            #expect(!vendorFiles(api.name).isEmpty, "\(api.name): no vendor fixtures in Tests/HoebiSourcesTests/Fixtures/\(api.name)")
            #expect(api.codec("0004").source == api.name, "\(api.name): its codec names another source")
            #expect(!api.displayName.isEmpty && Codecs.named(api.name) != nil)
        }
        #expect(Codecs.named("nosuchbank") == nil)
    }
}
