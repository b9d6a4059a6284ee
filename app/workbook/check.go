package workbook

// rec is one data row of a sheet as read: where it came from, whether it
// is still accepted, its value, which columns its table had and which of
// its cells could not be read.
type rec[T any] struct {
	at      src
	ok      bool
	v       T
	present []bool // by field index
	bad     []bool // by field index: the cell had a problem; nil when the row was not read
}

// readRecs reads the rows of every table of e's sheet (one per file that has
// it) and checks each row on its own: required cells, cell formats, the
// entity's own check, and duplicate keys. Rows with a problem come back
// rejected.
func readRecs[T any](e *entity[T], tables []*table, c *collector) []rec[T] {
	n := 0
	for _, t := range tables {
		n += len(t.rows)
	}
	out := make([]rec[T], 0, n)
	first := make(map[string]int) // key → index in out of the first accepted row
	for _, t := range tables {
		present := t.present
		missing := false
		for i, f := range e.fields {
			if f.required && !present[i] {
				c.add(src{t.label, 0}, f.name, msgMissingColumn)
				missing = true
			}
		}
		for _, r := range t.rows {
			at := src{t.label, r.num}
			if missing {
				out = append(out, rec[T]{at: at, present: present})
				continue
			}
			v, bad, ok := readRow(e, r.cells, present, at, c)
			rc := rec[T]{at: at, ok: ok, v: v, present: present, bad: bad}
			if ok {
				k := e.key(&v)
				if j, seen := first[k]; seen {
					rc.ok = false
					msg := msgDuplicate(out[j].at, e.keyDesc)
					if e.dup != nil {
						msg = e.dup(&out[j].v, &v, out[j].at)
					}
					c.add(at, e.keyCol, msg)
				} else {
					first[k] = len(out)
				}
			}
			out = append(out, rc)
		}
	}
	return out
}

// readRow reads one row's cells into a value of T, and says which cells
// had a problem.
func readRow[T any](e *entity[T], cells []string, present []bool, at src, c *collector) (T, []bool, bool) {
	v := e.zero()
	bad := make([]bool, len(e.fields))
	ok := true
	for i, f := range e.fields {
		if !present[i] {
			continue
		}
		cell := cells[i]
		msg := ""
		switch {
		case cell == "" && f.required:
			msg = msgRequired
		case cell != "":
			msg = f.check(cell)
		}
		if msg == "" {
			msg = f.set(&v, cell)
		}
		if msg != "" {
			c.add(at, f.name, msg)
			bad[i], ok = true, false
		}
	}
	if ok && e.check != nil {
		if col, msg := e.check(&v); msg != "" {
			c.add(at, col, msg)
			ok = false
		}
	}
	return v, bad, ok
}

// codeSet is the codes a reference may name: those in the database and
// those of accepted rows of the file. Codes of rejected rows are kept to
// say why a reference to them fails.
type codeSet struct {
	inDB func(string) bool
	file map[string]src
	bad  map[string]src
}

// newCodeSet collects the codes of recs.
func newCodeSet[T any](e *entity[T], recs []rec[T], inDB func(string) bool) *codeSet {
	s := &codeSet{inDB: inDB, file: make(map[string]src), bad: make(map[string]src)}
	for i := range recs {
		r := &recs[i]
		k := e.key(&r.v)
		if k == "" {
			continue
		}
		if r.ok {
			s.file[k] = r.at
		} else if _, seen := s.bad[k]; !seen {
			s.bad[k] = r.at
		}
	}
	for k := range s.file {
		delete(s.bad, k)
	}
	return s
}

// has reports whether code may be referred to.
func (s *codeSet) has(code string) bool {
	if _, ok := s.file[code]; ok {
		return true
	}
	return s.inDB(code)
}

// reject takes back the code of a row rejected after the set was built.
func (s *codeSet) reject(code string, at src) {
	if _, ok := s.file[code]; ok {
		delete(s.file, code)
		s.bad[code] = at
	}
}

// refSets are the code sets by kind, filled as the sheets are checked in
// order.
type refSets map[kind]*codeSet

// problem returns the message for a reference to code of kind k that is
// not there, or "" when it is.
func (rs refSets) problem(k kind, code string) string {
	s := rs[k]
	if s == nil || code == "" || s.has(code) {
		return ""
	}
	if at, ok := s.bad[code]; ok {
		return msgRefRejected(k, code, at)
	}
	return msgNoRef(k, code)
}

// checkRefs rejects the rows of recs whose code columns name something
// that is neither in the file nor in the database. A row rejected already
// for another cell has its references checked too, so that a file's
// problems come in one pass, not one wave after the other. Kinds without
// a set yet are skipped.
func checkRefs[T any](e *entity[T], recs []rec[T], rs refSets, c *collector) {
	for i := range recs {
		r := &recs[i]
		if r.bad == nil {
			continue // not read: its table lacks a required column
		}
		for fi, f := range e.fields {
			if f.ref == noRef || !r.present[fi] || r.bad[fi] {
				continue
			}
			if msg := rs.problem(f.ref, f.get(&r.v)); msg != "" {
				c.add(r.at, f.name, msg)
				r.ok = false
			}
		}
	}
}

// outcome is what became of one accepted row.
type outcome int

const (
	unchanged outcome = iota
	added
	updated
)

// delta is what writing a sheet's accepted rows would change.
type delta[T any] struct {
	adds, updates []T
	summary       SheetSummary
}

// diff compares the accepted rows with the database rows of the same key.
// A row updates only the columns its table had; the rest keep their
// database values.
func diff[T any](e *entity[T], recs []rec[T], old map[string]T) delta[T] {
	d := delta[T]{summary: SheetSummary{Sheet: e.sheet}}
	news := 0
	for i := range recs {
		if _, exists := old[e.key(&recs[i].v)]; recs[i].ok && !exists {
			news++
		}
	}
	d.adds = make([]T, 0, news)
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			d.summary.Rejected++
			continue
		}
		prev, exists := old[e.key(&r.v)]
		if !exists {
			// r.v is the defaults with the row's cells read in.
			d.adds = append(d.adds, r.v)
			d.summary.Added++
			continue
		}
		base := prev
		for fi, f := range e.fields {
			if r.present[fi] {
				f.set(&base, f.get(&r.v))
			}
		}
		switch {
		case differs(e, &base, &prev):
			d.updates = append(d.updates, base)
			d.summary.Updated++
		default:
			d.summary.Unchanged++
		}
	}
	return d
}

// differs reports whether two values of T read differently in any column.
func differs[T any](e *entity[T], a, b *T) bool {
	for _, f := range e.fields {
		if f.get(a) != f.get(b) {
			return true
		}
	}
	return false
}
