// Package poolstats counts the pools (人员库统计, SPEC §11.1): the people in
// the pools by jurisdiction, pool, skill, age band on the day shown, 职级,
// 专职 and status, and per recommending unit the people in the pools, those
// who served in the term and those never drafted. It works on a snapshot
// (plain values: no database, no window), so that the screen, its xlsx
// and the tests see the same figures.
//
// Who counts: a person in at least one pool whose status is not 出库 (在库
// and 暂停: a suspended person is still in the pool, only not drafted for
// now). Those who left (出库) are counted apart, in Left.
package poolstats

import (
	"cmp"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// The age bands of SPEC §11.1, and the label of an unknown age.
const (
	AgeUnder35 = "35岁以下"
	Age35to44  = "35–44岁"
	Age45to54  = "45–54岁"
	Age55Up    = "55岁及以上"
	AgeUnknown = "年龄不详"
)

// AgeBands lists the age bands in order, the unknown last.
var AgeBands = []string{AgeUnder35, Age35to44, Age45to54, Age55Up, AgeUnknown}

// Labels of rows without a value.
const (
	NoSkill = "无特长"
	NoRank  = "未填职级"
	NoUnit  = "未填推荐单位"
)

// Row is one line of a table: its key (a code, or the label itself), its
// label and its count.
type Row struct {
	Key, Label string
	Count      int
}

// UnitRow is one recommending unit: the people it recommended who are in
// the pools, how many of them served in a round of the term, and how many
// were never drafted at all (no 编组记录 in any round).
type UnitRow struct {
	Unit, Name, County    string // code, name, county name ("" for NoUnit)
	InPool, Served, Never int
}

// Stats are the figures of the pools on a day.
type Stats struct {
	Day      civil.Date
	Term     string // the term "served" counts in ("" when none)
	County   string // the jurisdiction counted ("" for all)
	Total    int    // people in the pools (status 在库 or 暂停)
	Left     int    // people of the pools who left (出库)
	Served   int    // of Total, served in a round of Term begun by Day
	Never    int    // of Total, never drafted
	Counties []Row  // by jurisdiction (工作关系地), by code
	Pools    []Row  // 组长库, 工作人员库, 专业人员库 (a person may be in several)
	Skills   []Row  // by skill in vocab order, then NoSkill (a person may have several)
	Ages     []Row  // by AgeBands
	Ranks    []Row  // by 职级: most first, then by name; NoRank last
	Full     []Row  // 专职, 非专职
	Status   []Row  // 在库, 暂停
	Units    []UnitRow
}

// Options choose what Compute counts.
type Options struct {
	Day    civil.Date // the day ages are taken on
	Term   string     // the term of "served"; "" for the term around Day
	County string     // only the people whose 工作关系地 it is; "" for all
}

// Compute counts the pools of s (indexed) under opt.
func Compute(s *snap.Snapshot, opt Options) *Stats {
	st := &Stats{Day: opt.Day, Term: opt.Term, County: opt.County}
	if st.Term == "" {
		st.Term = termAround(s, opt.Day)
	}
	served, drafted := service(s, st.Term, opt.Day)
	counts := map[string]map[string]int{}
	inc := func(table, key string) {
		if counts[table] == nil {
			counts[table] = map[string]int{}
		}
		counts[table][key]++
	}
	units := map[string]*UnitRow{}
	for i := range s.People {
		p := &s.People[i]
		if !p.Pools.Any() || (opt.County != "" && p.HomeCounty != opt.County) {
			continue
		}
		if p.Status == vocab.StatusRemoved {
			st.Left++
			continue
		}
		st.Total++
		inc("county", p.HomeCounty)
		for k, name := range vocab.Pools {
			if p.Pools.Has(snap.PoolSet(1) << k) {
				inc("pool", name)
			}
		}
		if len(p.Skills) == 0 {
			inc("skill", NoSkill)
		}
		for _, k := range p.Skills {
			inc("skill", k)
		}
		inc("age", AgeBand(p, opt.Day))
		rank := strings.TrimSpace(p.Rank)
		if rank == "" {
			rank = NoRank
		}
		inc("rank", rank)
		if p.FullTime {
			inc("full", "专职")
		} else {
			inc("full", "非专职")
		}
		inc("status", p.Status)
		u := units[p.RecommendUnit]
		if u == nil {
			u = &UnitRow{Unit: p.RecommendUnit, Name: NoUnit}
			if x := s.Unit(p.RecommendUnit); x != nil {
				u.Name, u.County = x.Name, s.CountyName(x.County)
			} else if p.RecommendUnit != "" {
				u.Name = p.RecommendUnit
			}
			units[p.RecommendUnit] = u
		}
		u.InPool++
		if served[p.Code] {
			u.Served++
			st.Served++
		}
		if !drafted[p.Code] {
			u.Never++
			st.Never++
		}
	}
	for _, c := range s.Counties {
		if n := counts["county"][c.Code]; n > 0 {
			st.Counties = append(st.Counties, Row{c.Code, c.Name, n})
		}
	}
	st.Pools = fixed(counts["pool"], vocab.Pools)
	st.Skills = fixed(counts["skill"], append(slices.Clone(vocab.Skills), NoSkill))
	st.Ages = fixed(counts["age"], AgeBands)
	st.Full = fixed(counts["full"], []string{"专职", "非专职"})
	st.Status = fixed(counts["status"], []string{vocab.StatusActive, vocab.StatusSuspended})
	for k, n := range counts["rank"] {
		st.Ranks = append(st.Ranks, Row{k, k, n})
	}
	slices.SortFunc(st.Ranks, func(a, b Row) int {
		if (a.Key == NoRank) != (b.Key == NoRank) {
			if a.Key == NoRank {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Key, b.Key))
	})
	for _, u := range units {
		st.Units = append(st.Units, *u)
	}
	slices.SortFunc(st.Units, func(a, b UnitRow) int {
		if (a.Unit == "") != (b.Unit == "") {
			if a.Unit == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	return st
}

// fixed returns the rows of keys in the given order, those counted only.
func fixed(counts map[string]int, keys []string) []Row {
	var out []Row
	for _, k := range keys {
		if n := counts[k]; n > 0 {
			out = append(out, Row{k, k, n})
		}
	}
	return out
}

// AgeBand returns p's age band on day: the age is the years completed on
// that day (a birthday counts from the day itself; one on 29 February from
// 1 March in a common year), from 出生日期, else from the ID number.
func AgeBand(p *snap.Person, day civil.Date) string {
	birth := p.Birth
	if birth.IsZero() {
		birth = idBirth(p.IDNumber)
	}
	if birth.IsZero() || day.IsZero() || birth > day {
		return AgeUnknown
	}
	age := (int(day) - int(birth)) / 10000
	switch {
	case age < 35:
		return AgeUnder35
	case age < 45:
		return Age35to44
	case age < 55:
		return Age45to54
	}
	return Age55Up
}

// idBirth reads the birth date of an 18-digit ID number, zero when it has
// none.
func idBirth(id string) civil.Date {
	if len(id) != 18 {
		return 0
	}
	d, err := civil.Parse(id[6:10] + "-" + id[10:12] + "-" + id[12:14])
	if err != nil {
		return 0
	}
	return d
}

// termAround returns the code of the term whose dates hold day, "" when
// none does (the latest starting one wins when terms overlap).
func termAround(s *snap.Snapshot, day civil.Date) string {
	best := ""
	var start civil.Date
	for _, t := range s.Terms {
		if t.Start <= day && (t.End.IsZero() || day <= t.End) && (best == "" || t.Start > start) {
			best, start = t.Code, t.Start
		}
	}
	return best
}

// service returns who served in a round of term (on a team whose on-site
// stage began on or before day), and who was ever drafted (on a team of
// any round, a saved roster of a coming round included).
func service(s *snap.Snapshot, term string, day civil.Date) (served, drafted map[string]bool) {
	served, drafted = map[string]bool{}, map[string]bool{}
	for i := range s.Rounds {
		r := &s.Rounds[i]
		for j := range r.Teams {
			t := &r.Teams[j]
			begun := !r.Start(t).IsZero() && r.Start(t) <= day
			for _, m := range t.Members {
				drafted[m.Person] = true
				if term != "" && r.Term == term && begun {
					served[m.Person] = true
				}
			}
		}
	}
	return served, drafted
}
