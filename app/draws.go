package app

import (
	"fmt"
	"os"

	"xuncha/app/draw"
)

// maxRecordSize is the largest draw record file read: a province's record
// of version 1 (every step's list written out) is about 170 MB.
const maxRecordSize = 512 << 20

// DrawCheck is a draw record file replayed (核验抽取记录): the record, its
// steps as the replay finds them, and whether it matches.
type DrawCheck struct {
	Path   string
	Record *draw.Record
	Steps  []draw.Replayed // nil when the replay failed
	Err    error           // why the record does not replay; nil when it matches
	Names  map[string]string
}

// OK reports whether the record replays to the result it records.
func (c *DrawCheck) OK() bool { return c.Err == nil }

// VerifyDrawFile reads the draw record at path and replays it. An error
// means the file is not a record at all; a record that does not replay
// comes back with its reason in Err.
func VerifyDrawFile(path string) (*DrawCheck, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s: %w", path, err)
	}
	if st.Size() > maxRecordSize {
		return nil, fmt.Errorf("%s 过大（%d MB），不是抽取记录", path, st.Size()>>20)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s: %w", path, err)
	}
	rec, err := draw.ParseRecord(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &DrawCheck{Path: path, Record: rec}
	c.Steps, c.Err = draw.Replay(rec)
	return c, nil
}

// VerifyDraw is VerifyDrawFile with the names of the people drawn, as far
// as the database knows them.
func (s *Service) VerifyDraw(path string) (*DrawCheck, error) {
	c, err := VerifyDrawFile(path)
	if err != nil {
		return nil, err
	}
	var drawn []string
	for _, st := range c.Steps {
		if st.Drawn != "" {
			drawn = append(drawn, st.Drawn)
		}
	}
	if c.Names, err = s.PersonNames(drawn); err != nil {
		return nil, err
	}
	return c, nil
}
