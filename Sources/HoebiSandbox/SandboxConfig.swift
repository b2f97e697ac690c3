import Foundation

extension BankSandbox {
    /// A Hoebi configuration for the sandbox's club, syncing through `source`. Secrets go into
    /// files beside it (`secrets/…`), as a real configuration would keep them.
    public func writeConfig(
        to folder: URL, source: String, baseURL: String, database: String = "hoebi.sqlite",
        migrations: String? = nil
    ) throws -> URL {
        let secrets = folder.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
        func secret(_ name: String, _ value: String) throws -> String {
            let url = secrets.appendingPathComponent(name)
            try Data(value.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            return "secrets/\(name)"
        }
        var sync: [String: Any] = ["source": source, "baseURL": baseURL, "start": "2023-01-01", "overlapDays": 3]
        switch source {
        case "woori":
            sync["appKeyFile"] = try secret("woori-appkey", Credentials.wooriAppKey)
            sync["account"] = Credentials.wooriAccount
        case "codef":
            sync["clientId"] = Credentials.codefClientID
            sync["clientSecretFile"] = try secret("codef-client-secret", Credentials.codefClientSecret)
            sync["organization"] = Credentials.codefOrganization
            sync["account"] = Credentials.wooriAccount
            sync["accountPasswordFile"] = try secret("codef-account-password", Credentials.codefAccountPassword)
            sync["loginId"] = "treasurer"
            sync["loginPasswordFile"] = try secret("codef-login-password", "sandbox-login")
            sync["publicKey"] = codefPublicKey
        case "kftc":
            sync["clientId"] = Credentials.kftcClientID
            sync["clientSecretFile"] = try secret("kftc-client-secret", Credentials.kftcClientSecret)
            sync["clientUseCode"] = Credentials.kftcClientUseCode
            sync["fintechUseNum"] = Credentials.kftcFintechUseNum
        case "koscom":
            sync["apiKeyFile"] = try secret("koscom-apikey", Credentials.koscomAPIKey)
            sync["holder"] = "홍길동"
        default: break
        }
        var config: [String: Any] = [
            "database": database,
            "groups": [
                [
                    "id": "club", "name": "샌드박스 산악회", "account": ["bank": "woori", "number": Credentials.wooriAccount, "holder": history.members[0].name],
                    "dues": ["cycle": "monthly", "dueDay": 10, "schedule": [["from": "2023-01", "amount": SandboxHistory.dues]]],
                    "treasurer": history.members[0].id, "nonDuesKeywords": ["뒷풀이"],
                    "members": history.members.map { ["id": $0.id, "name": $0.name] },
                    "sync": sync
                ]
            ]
        ]
        if let migrations { config["migrations"] = migrations }
        let url = folder.appendingPathComponent("hoebi.json")
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        return url
    }
}
