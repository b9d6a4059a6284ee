package demo

import (
	"crypto/sha256"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// scales are the scales under test: the province only without -short.
func scales(t *testing.T) []Scale {
	if testing.Short() {
		return []Scale{City}
	}
	return []Scale{City, Province}
}

func TestParseScale(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Scale
		ok   bool
	}{
		{"city", City, true}, {"Province", Province, true}, {" province ", Province, true},
		{"", City, true}, {"county", City, false}, {"市", City, false},
	} {
		got, err := ParseScale(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseScale(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// hashOf is the SHA-256 of d's JSON encoding.
func hashOf(t *testing.T, d *Data) [32]byte {
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestDeterministic(t *testing.T) {
	for _, s := range scales(t) {
		a, b := Generate(s), Generate(s)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%v: two runs differ", s)
		}
		if hashOf(t, a) != hashOf(t, b) {
			t.Errorf("%v: two runs encode differently", s)
		}
	}
	if hashOf(t, Generate(City)) == hashOf(t, Generate(Province)) {
		t.Error("city and province data are the same")
	}
}

// within reports whether n lies in [lo, hi].
func within(n, lo, hi int) bool { return n >= lo && n <= hi }

func TestCounts(t *testing.T) {
	type rng struct{ lo, hi int }
	for _, c := range []struct {
		scale                                        Scale
		counties, units, people, upcoming, pastTeams rng
	}{
		{City, rng{13, 13}, rng{460, 550}, rng{2800, 3300}, rng{36, 44}, rng{12, 24}},
		{Province, rng{101, 101}, rng{2800, 3250}, rng{19000, 21200}, rng{280, 320}, rng{100, 200}},
	} {
		if c.scale == Province && testing.Short() {
			continue
		}
		d := Generate(c.scale)
		n := d.Counts()
		for _, x := range []struct {
			what string
			got  int
			want rng
		}{
			{"县区", n.Counties, c.counties}, {"单位", n.Units, c.units}, {"人员", n.People, c.people},
			{"班子成员/单位", n.Leaders / n.Units, rng{3, 7}}, {"工作经历/人", n.History / n.People, rng{1, 4}},
			{"亲属/人", n.Relatives / n.People, rng{1, 3}}, {"回避申报", n.Declarations, rng{n.People / 200, n.People / 30}},
			{"届期", n.Terms, rng{2, 2}}, {"轮次", n.Rounds, rng{6, 6}}, {"巡察规划/单位", 100 * n.Plans / n.Units, rng{95, 115}},
		} {
			if !within(x.got, x.want.lo, x.want.hi) {
				t.Errorf("%v %s = %d, want %d…%d", c.scale, x.what, x.got, x.want.lo, x.want.hi)
			}
		}
		teams := map[string]int{}
		for _, tm := range d.Teams {
			teams[tm.RoundCode]++
		}
		for _, r := range d.Rounds {
			want := c.pastTeams
			switch {
			case r.Code == "2026-2":
				want = c.upcoming
			case strings.HasPrefix(r.Code, "2026-S"): // the city's rounds
				want = rng{2, 2}
			}
			if !within(teams[r.Code], want.lo, want.hi) {
				t.Errorf("%v 轮次 %s has %d teams, want %d…%d", c.scale, r.Code, teams[r.Code], want.lo, want.hi)
			}
		}
	}
}

func TestProportions(t *testing.T) {
	d := Generate(City)
	var leader, staff, expert, fullTime, active, promoted, elsewhere int
	asOf := civil.MustParse(AsOf)
	for _, p := range d.People {
		for _, c := range []struct {
			cond bool
			n    *int
		}{
			{p.InLeaderPool, &leader}, {p.InStaffPool, &staff}, {p.InExpertPool, &expert},
			{p.FullTime, &fullTime}, {p.Status == vocab.StatusActive, &active},
			{p.PromotedOn != "" && civil.MustParse(p.PromotedOn) >= asOf.AddYears(-2), &promoted},
			{p.NativePlace != p.HomeCountyCode, &elsewhere},
		} {
			if c.cond {
				*c.n++
			}
		}
		if p.FullTime && !p.InStaffPool {
			t.Errorf("%s 专职 but not in 工作人员库", p.Code)
		}
		if !p.InLeaderPool && !p.InStaffPool && !p.InExpertPool {
			t.Errorf("%s in no pool", p.Code)
		}
	}
	n := len(d.People)
	for _, c := range []struct {
		what   string
		got    int
		lo, hi int // percent
	}{
		{"组长库", leader, 12, 18}, {"工作人员库", staff, 62, 78}, {"专业人员库", expert, 20, 32},
		{"专职", fullTime, 8, 12}, {"在库", active, 85, 95}, {"新提拔", promoted, 5, 11}, {"籍贯外县", elsewhere, 11, 19},
	} {
		if pct := c.got * 100 / n; !within(pct, c.lo, c.hi) {
			t.Errorf("%s: %d%%, want %d…%d%%", c.what, pct, c.lo, c.hi)
		}
	}
}

// validID checks an ID number's check digit (GB 11643) and birth date.
func validID(s string) bool {
	if len(s) != 18 {
		return false
	}
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		sum += int(s[i]-'0') * w[i]
	}
	if "10X98765432"[sum%11] != s[17] {
		return false
	}
	_, err := civil.Parse(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	return err == nil
}

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{
		"11010519491231002X": true, "110105194912310021": false, "11010519491331002X": false, "1101051949123100": false,
	} {
		if validID(s) != want {
			t.Errorf("validID(%s) = %v", s, !want)
		}
	}
}

func TestIDNumbers(t *testing.T) {
	for _, s := range scales(t) {
		d := Generate(s)
		asOf := civil.MustParse(AsOf)
		seen := map[string]string{}
		check := func(who, id string) {
			if !validID(id) {
				t.Errorf("%v %s: invalid ID number %q", s, who, id)
			}
		}
		withID := 0
		for _, l := range d.Leaders {
			if l.IDNumber == "" {
				continue
			}
			withID++
			check(l.UnitCode+" "+l.Name, l.IDNumber)
			birth := civil.MustParse(l.IDNumber[6:10] + "-" + l.IDNumber[10:12] + "-" + l.IDNumber[12:14])
			if age := int(asOf-birth) / 10000; !within(age, 30, 58) {
				t.Errorf("%v 班子成员 %s aged %d", s, l.Name, age)
			}
			seen[l.IDNumber] = l.Name
		}
		if withID*100/len(d.Leaders) < 75 {
			t.Errorf("%v: only %d of %d 班子成员 have an ID number", s, withID, len(d.Leaders))
		}
		for _, p := range d.People {
			check(p.Code, p.IDNumber)
			if want := strings.ReplaceAll(p.BirthDate, "-", ""); p.IDNumber[6:14] != want {
				t.Errorf("%v %s: ID number %s does not hold birth date %s", s, p.Code, p.IDNumber, p.BirthDate)
			}
			if male := (p.IDNumber[16]-'0')%2 == 1; male != (p.Gender == "男") {
				t.Errorf("%v %s: ID number %s does not match gender %s", s, p.Code, p.IDNumber, p.Gender)
			}
			if other, dup := seen[p.IDNumber]; dup {
				t.Errorf("%v %s: ID number %s also belongs to %s", s, p.Code, p.IDNumber, other)
			}
			seen[p.IDNumber] = p.Code
		}
		for _, r := range d.Relatives {
			if r.IDNumber != "" {
				check(r.PersonCode+" 的亲属 "+r.Name, r.IDNumber)
			}
		}
	}
}
