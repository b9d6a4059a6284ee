package papers

import (
	"io"
	"testing"
)

func BenchmarkWritePDF(b *testing.B) {
	r, bd := round(), builder()
	p := bd.Inform(r, &r.Teams[0], &r.Teams[0].Members[0])
	for b.Loop() {
		if err := WritePDF(io.Discard, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDocx(b *testing.B) {
	r, bd := round(), builder()
	p := bd.Inform(r, &r.Teams[0], &r.Teams[0].Members[0])
	for b.Loop() {
		if err := WriteDocx(io.Discard, &p); err != nil {
			b.Fatal(err)
		}
	}
}
