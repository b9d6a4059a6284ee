package draw

import (
	"bytes"
	"testing"
)

// FuzzRecord feeds arbitrary bytes to the record reader and the replay:
// neither may panic, and a record that replays must still replay after a
// Marshal/ParseRecord round trip.
func FuzzRecord(f *testing.F) {
	s, err := Start("8317", "2026-2", []string{"P001", "P002", "P003", "P004"})
	if err != nil {
		f.Fatal(err)
	}
	s.Draw("第一巡察组", "组长", []string{"P001", "P003"})
	s.Draw("第一巡察组", "成员", []string{"P002", "P004"})
	s.Draw("第二巡察组", "成员", nil)
	good, err := s.Record().Marshal()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(bytes.Replace(good, []byte(`"8317"`), []byte(`"8318"`), 1))
	f.Add([]byte(`{"algorithm":"x","seed":"00","candidatesHash":"00","steps":[{"candidates":["b","a"]}]}`))
	f.Add([]byte(`{"steps":null}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := ParseRecord(b)
		if err != nil {
			return
		}
		if Verify(rec) != nil {
			return
		}
		again, err := rec.Marshal()
		if err != nil {
			t.Fatalf("a replayable record does not marshal: %v", err)
		}
		rec2, err := ParseRecord(again)
		if err != nil {
			t.Fatalf("marshalled record does not parse: %v", err)
		}
		if err := Verify(rec2); err != nil {
			t.Fatalf("round trip broke the replay: %v", err)
		}
	})
}
