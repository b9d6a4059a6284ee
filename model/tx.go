package model

import (
	"math/rand/v2"
	"time"

	"gorm.io/gorm"
)

// MaxTries is how often Transact runs a write on a server before it gives
// up on serialization failures.
const MaxTries = 10

// Transact runs fn as one write transaction, all or nothing.
//
// On SQLite the transaction is immediate: it takes the file's write lock
// at its start, so writers run one after another and each sees the
// others' committed work.
//
// On a server the first try is SERIALIZABLE: writers run side by side, and
// the server refuses (SQLSTATE 40001, or 40P01 for a deadlock) whichever
// would have read or written on a state another committed under it. fn
// then runs again from the start, on what is now in the database, up to
// MaxTries times; the re-checks a write depends on are inside fn, so they
// are made again too. From the second try on the transaction first takes
// the audit chain's row (LockAuditChain): every writer appends to the
// audit log, so no other write can commit while it runs, which guards it
// as serializable would, and a long write (an import) cannot be starved
// by a stream of short ones.
//
// fn must do nothing outside tx that it could not do twice.
func Transact(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if isSQLite(db) {
		return db.Transaction(fn)
	}
	var err error
	for try := 1; try <= MaxTries; try++ {
		if try == 1 {
			err = db.Transaction(fn, serverTxOptions)
		} else {
			err = db.Transaction(func(tx *gorm.DB) error {
				if err := lockAuditChainServer(tx); err != nil {
					return err
				}
				return fn(tx)
			})
		}
		if err == nil || !retryableServer(err) {
			return err
		}
		time.Sleep(time.Duration(rand.IntN(10*try)+1) * time.Millisecond)
	}
	return err
}

// LockAuditChain orders the appends to the audit log of concurrent
// writers; audit.Record calls it inside the write's transaction before it
// reads the newest entry. On SQLite the immediate transaction already
// holds the file's write lock. On a server it updates the chain's row:
// another append waits for this transaction, and a serializable one that
// read the log before this commits fails and is retried (Transact).
func LockAuditChain(tx *gorm.DB) error {
	if isSQLite(tx) {
		return nil
	}
	return lockAuditChainServer(tx)
}
