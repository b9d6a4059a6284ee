package recusal

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Planted world of the rule tests: two counties; in 安平县 a township with
// two villages, the finance and audit bureaus; in 平山县 a township.
//
//	U01 安平镇 ── U0101 东村, U0102 西村      U02 县财政局   U03 县审计局
//	U10 平山镇 ── U1001 北村
const (
	idZhao  = "130101198001010011" // 赵建国, 县财政局 局长
	idZhao2 = "130101198505050022" // another 赵建国
	idSun   = "130101197002020033" // 孙立, 安平镇 党委书记
)

var ref = civil.MustParse("2026-03-01") // 进驻开始

func world() *snap.Snapshot {
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C01", Name: "安平县"}, {Code: "C02", Name: "平山县"}},
		Units: []snap.Unit{
			{Code: "U01", Name: "安平镇", County: "C01", Category: "乡镇街道"},
			{Code: "U0101", Name: "东村", County: "C01", Category: "村社区", Parent: "U01"},
			{Code: "U0102", Name: "西村", County: "C01", Category: "村社区", Parent: "U01"},
			{Code: "U02", Name: "县财政局", County: "C01", Category: "县直机关"},
			{Code: "U03", Name: "县审计局", County: "C01", Category: "县直机关"},
			{Code: "U10", Name: "平山镇", County: "C02", Category: "乡镇街道"},
			{Code: "U1001", Name: "北村", County: "C02", Category: "村社区", Parent: "U10"},
		},
		Leaders: []snap.Leader{
			{Unit: "U01", Name: "孙立", Post: "党委书记", IDNumber: idSun},
			{Unit: "U01", Name: "王五", Post: "镇长"},
			{Unit: "U02", Name: "赵建国", Post: "局长", IDNumber: idZhao},
			{Unit: "U10", Name: "李四", Post: "党委书记"},
		},
	}
	s.Index()
	return s
}

// person returns a person of 平山县 with nothing that touches 安平县, to
// which a case adds what it plants.
func person(f func(p *snap.Person)) *snap.Person {
	p := &snap.Person{Code: "P9", Name: "张三", HomeCounty: "C02", Status: "在库", Pools: snap.StaffPool}
	if f != nil {
		f(p)
	}
	return p
}

// want is an expected hit: rule, severity and roles, and a piece of the reason.
type want struct {
	rule   string
	sev    Severity
	roles  []string
	reason string
}

func checkHits(t *testing.T, got []Hit, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d hits, want %d:\n%s", len(got), len(wants), dump(got))
	}
	for i, w := range wants {
		h := got[i]
		if h.Rule != w.rule || h.Severity != w.sev || !slices.Equal(h.Roles, w.roles) {
			t.Errorf("hit %d = %s %s %v, want %s %s %v", i, h.Rule, h.Severity, h.Roles, w.rule, w.sev, w.roles)
		}
		if !strings.Contains(h.Reason, w.reason) {
			t.Errorf("hit %d reason %q does not contain %q", i, h.Reason, w.reason)
		}
	}
}

func dump(hs []Hit) string {
	var b strings.Builder
	for _, h := range hs {
		b.WriteString(h.Person + " " + h.Team + " " + h.Unit + " " + h.String() + "\n")
	}
	return b.String()
}

func stint(unit, from, to string) snap.Stint {
	var t civil.Date
	if to != "" {
		t = civil.MustParse(to)
	}
	return snap.Stint{Unit: unit, From: civil.MustParse(from), To: t}
}
