package app

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// rowIndex keeps the sort order of an in-memory table (the people and units
// tables of the screens). Columns sort in Chinese (pinyin) order; the
// collation key of a column is computed once, on its first sort.
type rowIndex struct {
	n     int
	order []int            // row numbers in display order
	keys  map[int][][]byte // column → collation key per row
	cell  func(row, col int) string
}

func newRowIndex(n int, cell func(row, col int) string) *rowIndex {
	ix := &rowIndex{n: n, cell: cell, keys: map[int][][]byte{}}
	ix.reset(n)
	return ix
}

// reset forgets the sort order and the keys for a table of n rows.
func (ix *rowIndex) reset(n int) {
	ix.n = n
	ix.order = make([]int, n)
	for i := range ix.order {
		ix.order[i] = i
	}
	ix.keys = map[int][][]byte{}
}

// sortBy orders the rows by column col, ascending or descending; ties keep
// the row order (rows come sorted by code), so the order is deterministic.
func (ix *rowIndex) sortBy(col int, asc bool) {
	keys := ix.keys[col]
	if keys == nil {
		c := collate.New(language.SimplifiedChinese, collate.Numeric)
		var buf collate.Buffer
		keys = make([][]byte, ix.n)
		for r := 0; r < ix.n; r++ {
			keys[r] = append([]byte(nil), c.KeyFromString(&buf, ix.cell(r, col))...)
			buf.Reset()
		}
		ix.keys[col] = keys
	}
	for i := range ix.order {
		ix.order[i] = i
	}
	sort.SliceStable(ix.order, func(i, j int) bool {
		a, b := ix.order[i], ix.order[j]
		c := bytes.Compare(keys[a], keys[b])
		if !asc {
			c = -c
		}
		return c < 0
	})
}

// filter returns the rows, in display order, for which keep holds.
func (ix *rowIndex) filter(keep func(row int) bool) []int {
	out := make([]int, 0, len(ix.order))
	for _, r := range ix.order {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// searchKey is the lower-cased text a free-text filter searches in.
func searchKey(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "\x00"))
}
