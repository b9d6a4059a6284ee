package model

import (
	"errors"
	"math/rand/v2"
	"sync/atomic"
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
// On a server the first tries are SERIALIZABLE: writers run side by side,
// and the server refuses (SQLSTATE 40001, or 40P01 for a deadlock)
// whichever would have read or written on a state another committed under
// it. fn then runs again from the start, on what is now in the database;
// the re-checks a write depends on are inside fn, so they are made again
// too. From the third try on the transaction runs alone: it waits until
// the writes under way have ended and keeps new ones from starting until
// it commits (the writers' lock, held shared by every other write), so
// that it cannot fail again and a long write (an import, a roster's save,
// which read the whole database) is not starved by a stream of short ones.
// Alone, read committed is as good as serializable: every statement sees
// the latest data and nobody else writes.
//
// fn must do nothing outside tx that it could not do twice.
func Transact(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if retryDrill.Load() {
		err := transact(db, func(tx *gorm.DB) error {
			if err := fn(tx); err != nil {
				return err
			}
			return errDrill
		})
		if !errors.Is(err, errDrill) {
			return err
		}
	}
	return transact(db, fn)
}

// retryDrill (RetryDrill) makes Transact run every fn twice, the first
// run rolled back as a serialization failure rolls it back on a server.
var retryDrill atomic.Bool

// errDrill rolls back the first run of fn under RetryDrill.
var errDrill = errors.New("retry drill")

// RetryDrill makes every Transact of the process, on either database,
// run its fn a first time and roll it back before running it again (until
// the returned function is called): what a closure does outside its
// transaction then shows twice, as it would when a server retries it.
// For tests; they must not run in parallel with others that count runs.
func RetryDrill() (stop func()) {
	retryDrill.Store(true)
	return func() { retryDrill.Store(false) }
}

// transact is Transact without the drill.
func transact(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if isSQLite(db) {
		return db.Transaction(fn)
	}
	var err error
	for try := 1; try <= MaxTries; try++ {
		alone := try >= 3
		opts := serverTxOptions
		if alone {
			opts = nil
		}
		err = db.Transaction(func(tx *gorm.DB) error {
			if err := writersLockServer(tx, alone); err != nil {
				return err
			}
			if alone {
				tx = tx.Set(aloneKey, true).Session(&gorm.Session{})
			}
			return fn(tx)
		}, opts)
		if err == nil || !retryableServer(err) {
			return err
		}
		time.Sleep(time.Duration(rand.IntN(10*try)+1) * time.Millisecond)
	}
	return err
}

// AuditHead returns the hash of the newest audit entry, for the entry tx
// appends next (audit.Record), and orders the appends of concurrent
// writers. On SQLite the immediate transaction already holds the file's
// write lock, and the newest entry is read in tx. On a server tx takes
// the chain's lock until it ends, and the newest committed entry is read
// (see auditHeadServer).
func AuditHead(tx *gorm.DB) (string, error) {
	if !isSQLite(tx) {
		return auditHeadServer(tx)
	}
	var last AuditEntry
	if err := tx.Order("id desc").Limit(1).Find(&last).Error; err != nil {
		return "", err
	}
	return last.Hash, nil
}
