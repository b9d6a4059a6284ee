package workbook

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"xuncha/app/fieldrule"
	"xuncha/app/safezip"
)

// limits bound what reading the input may cost (SPEC §13.2): a file over
// 200 MB, an xlsx whose parts decompress past 1 GB, or a sheet over
// 1,048,576 rows is refused, the first two before anything is read. What
// an import keeps is bounded too — the rows of all its sheets together, the
// bytes of their cells' text, the shared strings of a workbook, the bytes
// of one cell — so that an import never needs more than 1 GB of memory,
// whatever the files (docs/BENCHMARKS.md has the figures). Tests make them
// small.
type limits struct {
	zip      safezip.Limits // the xlsx zip; zip.File also bounds a CSV file
	rows     int            // rows of a sheet, CSV records of a file
	columns  int            // columns of a sheet or CSV
	xmlToken int            // bytes of one XML token (text, tag)
	xmlDepth int            // nesting of XML elements
	strings  int            // shared strings of a workbook
	keep     int            // bytes kept of one cell; more is cut (it is over fieldrule.MaxText anyway)
	text     int64          // bytes of cell text kept by one import, all files together
	total    int64          // data rows kept by one import, all sheets together
}

// defaultLimits are the limits of an import.
func defaultLimits() *limits {
	return &limits{
		zip:      safezip.Defaults(),
		rows:     1_048_576,
		columns:  16_384,
		xmlToken: 1 << 20,
		xmlDepth: 64,
		strings:  1 << 22,
		keep:     4 * (fieldrule.MaxText + 1),
		text:     128 << 20,
		total:    500_000,
	}
}

// budget counts the rows and the cell text an import keeps, across the
// readers that run side by side.
type budget struct {
	text, rows atomic.Int64
	lim        *limits
}

// row counts a row kept, and bytes of its text; the error says which limit
// it passes.
func (b *budget) row(text int) error {
	if b.rows.Add(1) > b.lim.total {
		return errTooManyImportRows(b.lim.total)
	}
	return b.take(text)
}

// take counts bytes of text kept.
func (b *budget) take(n int) error {
	if b.text.Add(int64(n)) > b.lim.text {
		return errTooMuchText(b.lim.text)
	}
	return nil
}

// cut keeps at most max bytes of s, whole characters; a cut cell is over
// fieldrule.MaxText characters, so the cut never reaches the database.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i]
}

// importHeap is the heap an import may grow by before the garbage collector
// works harder: the limits above keep what an import holds to about half
// of it (a province, 100,000 rows, holds under 100 MB), and the collector,
// left alone, lets the heap grow to twice what is held.
const importHeap = 768 << 20

// heapHold is the soft memory limit the imports of this process set:
// the first to start sets it, the last to end restores the one before.
var heapHold struct {
	sync.Mutex
	n    int
	prev int64
}

// holdHeap sets a soft limit on the heap (runtime/debug.SetMemoryLimit):
// what it holds now plus importHeap. It returns the function that ends the
// hold.
func holdHeap() (release func()) {
	heapHold.Lock()
	defer heapHold.Unlock()
	if heapHold.n++; heapHold.n == 1 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heapHold.prev = debug.SetMemoryLimit(-1)
		debug.SetMemoryLimit(min(heapHold.prev, int64(ms.HeapAlloc)+importHeap))
	}
	return func() {
		heapHold.Lock()
		defer heapHold.Unlock()
		if heapHold.n--; heapHold.n == 0 {
			debug.SetMemoryLimit(heapHold.prev)
		}
	}
}
