// Package model is the data of 巡察统筹 and nothing else: the entities with
// their gorm tags (entities.go), opening, migrating and closing the
// database file (db.go), the one read of the whole data set that the
// snapshot and data packages share (LoadTables, tables.go), batch inserts
// (bulk.go), and what only SQLite speaks — the integrity check, a backup
// by VACUUM INTO, the file behind a connection, and SQLite's error codes
// sorted into busy, read-only, full, damaged and cannot-open (sqlite.go).
// The other reads live with the service methods that need them.
//
// Natural codes (县区编码, 单位编码, 人员编号, 届期编码, 轮次编码) are the primary keys:
// workbooks, data packages and the headless face all speak in codes, and
// imports are idempotent by code. Dates are stored as text in the form
// 2006-01-02 (empty for none), which every SQL dialect compares correctly.
// The words stored in its fields (roles, modes, pools, statuses,
// categories …) are package vocab's. The package knows nothing of business
// rules.
package model
