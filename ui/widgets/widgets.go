// Package widgets holds the widgets the screens of 巡察统筹 share: a date
// entry that reads and writes 2026-03-01, a searchable picker for codes
// with names, a table cell that answers taps and double taps, and an
// editable list of rows with add and remove.
package widgets
