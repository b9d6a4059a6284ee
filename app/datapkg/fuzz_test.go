package datapkg

import (
	"testing"
)

// smallData is a package's worth of rows touching every entity.
func smallData() *Data {
	return &Data{
		Counties: []County{{Code: "C01", Name: "安平县"}, {Code: "C02", Name: "平山县", Level: "市本级"}},
		Units: []Unit{{Code: "U01", Name: "安平镇", County: "C01", Category: "乡镇街道", Sectors: "乡村振兴", Priority: "A"},
			{Code: "U0101", Name: "东村", County: "C01", Category: "村社区", Parent: "U01"},
			{Code: "U10", Name: "平山镇", County: "C02", Category: "乡镇街道"}},
		Leaders: []Leader{{"U01", "孙立", "党委书记", "130101197002020033"}},
		People: []Person{{Code: "P01", Name: "甲", HomeCounty: "C01", CurrentUnit: "U0101", StaffPool: true,
			Skills: "财务、审计", Status: "在库", BirthDate: "1980-02-29"}},
		History:      []History{{"P01", "U10", "2020-01-01", "2023-03-01"}},
		Relatives:    []Relative{{Person: "P01", Name: "乙", Relation: "配偶", Unit: "U01", Leadership: true}},
		Declarations: []Declaration{{Person: "P01", Unit: "U10", Reason: "曾参与审计"}},
		Terms:        []Term{{"T1", "第十五届", "2026-01-01", "2030-12-31"}},
		Rounds: []Round{{Code: "2026-1", Term: "T1", Number: 1, Mode: "混合编组", OnsiteStart: "2026-03-01", Level: "巡审联动",
			JointUnits: "U01"}},
		Teams:     []Team{{"2026-1", "第一巡察组", 1, "", ""}},
		TeamUnits: []TeamUnit{{"2026-1", "第一巡察组", "U10", ""}},
		Members:   []Member{{Round: "2026-1", Team: "第一巡察组", Person: "P01", Role: "成员"}},
		Plans:     []Plan{{Term: "T1", Unit: "U01", Year: 2027, RoundNo: 2}},
	}
}

// FuzzDecode feeds the package reader arbitrary files: it must refuse what
// it cannot read with an error, never panic, and whatever it accepts must
// plan against a database without panicking either. The passphrase stays
// empty: an encrypted package then stops before the key derivation, whose
// cost would drown the fuzzer (the fuzzer cannot forge a GCM tag anyway;
// the unit tests cover wrong passphrases and altered ciphertext).
func FuzzDecode(f *testing.F) {
	d := smallData()
	plain, _, err := encode(d, []string{"C01"}, "", minScryptN, t0, false)
	if err != nil {
		f.Fatal(err)
	}
	enc, _, err := encode(d, []string{"C01"}, "口令", minScryptN, t0, false)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(plain)
	f.Add(enc)
	f.Add(plain[:len(plain)/2])
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, b []byte) {
		pkg, err := decode(b, "")
		if err != nil {
			if pkg != nil {
				t.Fatal("a package and an error")
			}
			return
		}
		checkScope(pkg.Data, pkg.Manifest.Counties)
		for _, local := range []*Data{smallData(), {}} {
			makePlan(pkg.Data, local, newScope(pkg.Manifest.Counties, local), AllRights).report("fuzz", pkg.Manifest).Lines()
		}
	})
}

func TestSmallDataDecodes(t *testing.T) {
	for _, pass := range []string{"", "口令"} {
		b, _, err := encode(smallData(), []string{"C01"}, pass, minScryptN, t0, false)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := decode(b, pass)
		if err != nil {
			t.Fatalf("pass %q: %v", pass, err)
		}
		r := makePlan(pkg.Data, &Data{}, newScope(pkg.Manifest.Counties, &Data{}), AllRights).report("small", pkg.Manifest)
		if tot := r.Total(); tot.Added != 16 || tot.Conflicted != 0 {
			t.Fatalf("pass %q: %v", pass, r.Lines())
		}
	}
}
