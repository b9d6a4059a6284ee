package docx

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xuncha/internal/docxtext"
)

// Whatever text a record holds, the file stays readable and says it,
// less the characters XML cannot carry.
func FuzzText(f *testing.F) {
	for _, s := range []string{"张三", "<w:t>&amp;", "a\x00b\x1fc", "\xff\xfe", "行一\n行二\t列", "\U0002000b𠮷", "回车\r\n换行"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New(s)
		d.Add(Text(Body, s))
		d.AddTable(Table{Widths: []float64{1}, Rows: []Row{{Cells: []Cell{{Text: s}}}}})
		var b strings.Builder
		if _, err := d.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		r, err := docxtext.Read([]byte(b.String()))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		want := strings.Map(func(c rune) rune {
			if c == utf8.RuneError || c < 0x20 && c != '\t' && c != '\n' || c == '\r' || c == 0xFFFE || c == 0xFFFF {
				return -1
			}
			return c
		}, strings.ToValidUTF8(s, ""))
		if got := r.Paragraphs[0]; got != want {
			t.Errorf("%q read back as %q, want %q", s, got, want)
		}
	})
}
