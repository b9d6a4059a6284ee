package model

import "gorm.io/gorm"

// InsertMany inserts new rows in batches, as fast as the database allows:
// through one JSON parameter per batch (see insertSQLite and
// insertServer). An auto-increment id is left to the database; callers
// that need the ids read them back. Rows of an entity that embeds Stamp
// get their first stamp (StampNew).
func InsertMany[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	StampNew(tx, rows)
	if isSQLite(tx) {
		return insertSQLite(tx, rows)
	}
	return insertServer(tx, rows)
}

// DeferForeignKeys makes the transaction check foreign keys at commit, so
// that rows may refer to rows written later in the same transaction.
func DeferForeignKeys(tx *gorm.DB) error {
	if isSQLite(tx) {
		return deferForeignKeysSQLite(tx)
	}
	return deferForeignKeysServer(tx)
}
