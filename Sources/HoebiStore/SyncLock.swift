import Foundation
import HoebiCore

/// One sync per database at a time. An advisory `flock` on a file beside the database: the kernel
/// drops it when the holder exits for any reason, so a crashed sync never blocks the next one.
public final class SyncLock: SyncLockHold, @unchecked Sendable {
    private let fd: Int32

    public init(database: String) throws {
        let path = database + ".sync.lock"
        fd = open(path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw StoreError.io(path, Messages.t("sync.lockOpen", path)) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            close(fd)
            throw StoreError.syncRunning(holder)
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
