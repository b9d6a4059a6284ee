package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Owing is a newly promoted cadre who owes rounds on a day (SPEC §11.3's
// report): who, what and by when, and the rounds to come whose saved
// roster already places them.
type Owing struct {
	Person     string     `json:"person"`
	Name       string     `json:"name"`
	County     string     `json:"county"`     // 工作关系地 (code)
	CountyName string     `json:"countyName"` //
	Unit       string     `json:"unit"`       // 现工作单位 (name, or code)
	Post       string     `json:"post"`
	Rank       string     `json:"rank"`
	Status     string     `json:"status"`
	PromotedOn civil.Date `json:"promotedOn"`
	Rounds     int        `json:"rounds"`   // owed in all
	Served     int        `json:"served"`   // served since the promotion, by the day
	Owed       int        `json:"owed"`     // still owed
	Due        civil.Date `json:"due"`      // the last day to serve them
	DaysLeft   int        `json:"daysLeft"` // from the day to the last day
	// Placed are the rounds not yet on site on the day (or undated) whose
	// saved roster places the person: rounds that will count once served.
	Placed []string `json:"placed"`
}

// OwingOn lists everyone who owes rounds on day on under rules x, the
// earliest deadline first (then by code): a round counts as served when
// its team's 进驻开始 falls between the 新提拔日期 and the day, both
// included.
func OwingOn(s *snap.Snapshot, x Experience, on civil.Date) []Owing {
	type seen struct {
		served []civil.Date
		placed []string
	}
	hist := map[string]*seen{}
	for i := range s.Rounds {
		r := &s.Rounds[i]
		for j := range r.Teams {
			t := &r.Teams[j]
			start := r.Start(t)
			for _, m := range t.Members {
				h := hist[m.Person]
				if h == nil {
					h = &seen{}
					hist[m.Person] = h
				}
				switch {
				case !start.IsZero() && start <= on:
					h.served = append(h.served, start)
				case !slices.Contains(h.placed, r.Code):
					h.placed = append(h.placed, r.Code)
				}
			}
		}
	}
	var out []Owing
	for i := range s.People {
		p := &s.People[i]
		if p.PromotedOn.IsZero() {
			continue
		}
		h := hist[p.Code]
		if h == nil {
			h = &seen{}
		}
		served := 0
		for _, d := range h.served {
			if d >= p.PromotedOn {
				served++
			}
		}
		owed, due := x.Owes(p.Rank, p.PromotedOn, served, on)
		if owed == 0 {
			continue
		}
		placed := append([]string{}, h.placed...)
		slices.Sort(placed)
		out = append(out, Owing{Person: p.Code, Name: p.Name, County: p.HomeCounty, CountyName: s.CountyName(p.HomeCounty),
			Unit: s.UnitName(p.CurrentUnit), Post: p.Post, Rank: p.Rank, Status: p.Status, PromotedOn: p.PromotedOn,
			Rounds: x.Rounds(), Served: served, Owed: owed, Due: due, DaysLeft: on.DaysUntil(due), Placed: placed})
	}
	slices.SortStableFunc(out, func(a, b Owing) int { return cmp.Or(cmp.Compare(a.Due, b.Due), strings.Compare(a.Person, b.Person)) })
	return out
}

// RulesText says what the rules of x ask of newly promoted cadres:
// "新提拔干部（职级：副科级）自新提拔日期起 2 年内应参加巡察 1 轮".
func (x Experience) RulesText() string {
	ranks := "任何职级"
	if len(x.PromotedRanks) > 0 {
		ranks = "职级：" + strings.Join(x.PromotedRanks, "、")
	}
	return fmt.Sprintf("新提拔干部（%s）自新提拔日期起 %d 年内应参加巡察 %d 轮", ranks, x.Years(), x.Rounds())
}

// PlacedText writes the rounds a cadre is already placed in ("" for
// none): "已编入 2026-2".
func (o *Owing) PlacedText() string {
	if len(o.Placed) == 0 {
		return ""
	}
	return "已编入 " + strings.Join(o.Placed, "、")
}

// Who writes the person's county, unit and rank, those known: "安平县，
// 县财政局，副科级".
func (o *Owing) Who() string {
	var parts []string
	for _, x := range []string{o.CountyName, o.Unit, o.Rank} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, "，")
}
