package app

import (
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// The focused report's "could otherwise fill" follows each row's origin
// (SPEC §8.1): a 市本级 row only city cadres, 不限 anyone, 本地 the
// inspected jurisdiction, 异地 any other, and in a 本县 round every row is
// local.
func TestOriginAdmits(t *testing.T) {
	sn := &snap.Snapshot{Counties: []snap.County{{Code: "C01"}, {Code: "C02"}, {Code: "CITY", City: true}}}
	sn.Index()
	cases := []struct {
		name, from, mode, home, tc string
		want                       bool
	}{
		{"本地，本县人员", vocab.FromLocal, vocab.ModeMixed, "C01", "C01", true},
		{"本地，外县人员", vocab.FromLocal, vocab.ModeMixed, "C02", "C01", false},
		{"异地，外县人员", vocab.FromElsewhere, vocab.ModeMixed, "C02", "C01", true},
		{"异地，本县人员", vocab.FromElsewhere, vocab.ModeMixed, "C01", "C01", false},
		{"异地，市本级干部到县", vocab.FromElsewhere, vocab.ModeMixed, "CITY", "C01", true},
		{"市本级，市本级干部", vocab.FromCity, vocab.ModeMixed, "CITY", "C01", true},
		{"市本级，县区干部", vocab.FromCity, vocab.ModeMixed, "C02", "C01", false},
		{"不限", vocab.FromAny, vocab.ModeMixed, "C01", "C01", true},
		{"本县轮次，外县人员", vocab.FromElsewhere, vocab.ModeLocal, "C02", "C01", false},
		{"本县轮次，本县人员", vocab.FromElsewhere, vocab.ModeLocal, "C01", "C01", true},
	}
	for _, c := range cases {
		if got := originAdmits(sn, c.from, c.mode, c.home, c.tc); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
