package calendar

import (
	"time"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Day is one cell of a month view.
type Day struct {
	Date       civil.Date
	InMonth    bool // false for the days of the neighbouring months that fill the first and last week
	Weekend    bool // Saturday or Sunday
	NonWorking bool // listed in the settings' non-working days
}

// Bar is one stage of one team (or of a round without teams) on a month
// view, clipped to the month.
type Bar struct {
	Term, Round, RoundName string
	Team                   string // "" for a round without teams
	TeamSeq                int
	Stage                  Stage
	Start, End             civil.Date // clipped to the month
	FullStart, FullEnd     civil.Date // the stage's own dates
	Estimated              bool       // a date comes from the default lengths
	Links                  []string   // the other rounds of the round's group of linked rounds (上下联动), in snapshot order
}

// ClippedStart reports whether the stage began before the month.
func (b Bar) ClippedStart() bool { return b.Start != b.FullStart }

// ClippedEnd reports whether the stage goes on after the month.
func (b Bar) ClippedEnd() bool { return b.End != b.FullEnd }

// Segment is the part of a bar inside one week: columns From to To, both
// included, 0 = Monday … 6 = Sunday.
type Segment struct {
	Bar      int // index into MonthView.Bars
	From, To int
}

// Week is one row of a month view, Monday first.
type Week struct {
	Days     [7]Day
	Segments []Segment // in bar order
}

// MonthView is a month laid out in Monday-first weeks with the stage bars
// that touch it.
type MonthView struct {
	Year        int
	Month       time.Month
	First, Last civil.Date
	Weeks       []Week
	Bars        []Bar // round order, then team order, then stage order
}

// Weekday returns d's column in a Monday-first week: 0 = Monday … 6 = Sunday.
func Weekday(d civil.Date) int { return (int(d.Time().Weekday()) + 6) % 7 }

// Month lays out month m of year y: its weeks from the Monday on or before
// the 1st to the Sunday on or after the last day, and a bar for every stage
// of every team of every round that has days in the month. Stages with no
// days are left out.
func (c *Calendar) Month(y int, m time.Month) MonthView {
	first := civil.Of(y, m, 1)
	last := civil.Of(y, m+1, 0)
	mv := MonthView{Year: y, Month: m, First: first, Last: last}
	partners := c.linkPartners()
	for i := range c.snap.Rounds {
		r := &c.snap.Rounds[i]
		n := len(mv.Bars)
		if len(r.Teams) == 0 {
			mv.addBars(r, nil, c.Schedule(r))
		}
		for j := range r.Teams {
			mv.addBars(r, &r.Teams[j], c.TeamSchedule(r, &r.Teams[j]))
		}
		for k := n; k < len(mv.Bars); k++ {
			mv.Bars[k].Links = partners[r.Code]
		}
	}
	for d := first.AddDays(-Weekday(first)); d <= last; d = d.AddDays(7) {
		var w Week
		for k := 0; k < 7; k++ {
			x := d.AddDays(k)
			w.Days[k] = Day{Date: x, InMonth: x >= first && x <= last, Weekend: k >= 5, NonWorking: c.set.NonWorking(x)}
		}
		end := d.AddDays(6)
		for bi, b := range mv.Bars {
			if b.End < d || b.Start > end {
				continue
			}
			from, to := maxDate(b.Start, d), minDate(b.End, end)
			w.Segments = append(w.Segments, Segment{Bar: bi, From: d.DaysUntil(from), To: d.DaysUntil(to)})
		}
		mv.Weeks = append(mv.Weeks, w)
	}
	return mv
}

func (mv *MonthView) addBars(r *snap.Round, t *snap.Team, s Schedule) {
	for _, sp := range s.Spans() {
		if sp.Days() == 0 || sp.End < mv.First || sp.Start > mv.Last {
			continue
		}
		b := Bar{Term: r.Term, Round: r.Code, RoundName: r.Name, Stage: sp.Stage,
			Start: maxDate(sp.Start, mv.First), End: minDate(sp.End, mv.Last), FullStart: sp.Start, FullEnd: sp.End, Estimated: sp.Estimated}
		if t != nil {
			b.Team, b.TeamSeq = t.Name, t.Seq
		}
		mv.Bars = append(mv.Bars, b)
	}
}

func maxDate(a, b civil.Date) civil.Date {
	if a > b {
		return a
	}
	return b
}

func minDate(a, b civil.Date) civil.Date {
	if a < b {
		return a
	}
	return b
}

// TimelineRound is one round on a term's timeline.
type TimelineRound struct {
	Code, Name, Type, Mode string
	Level                  string // 组织方式
	Number                 int
	Status                 Status
	Stages                 []Span // the six stages in order; nil when unscheduled
	Teams, Units           int
	// Group is the index of the round's group of linked rounds in the
	// timeline's Groups (-1: not linked); Foreign marks a round of another
	// term shown beside the round of the term it is linked with.
	Group   int
	Foreign bool
}

// Timeline is a term's rounds across the term, for a Gantt-like view.
type Timeline struct {
	Term, Name string
	Start, End civil.Date
	Today      civil.Date
	// Rounds are in round order, except that linked rounds (上下联动)
	// stand side by side: a group at the place of its first round of the
	// term, with its rounds of other terms after those of the term.
	Rounds []TimelineRound
	Groups []LinkGroup
}

// Offset returns d's position on the timeline: 0 at the term's start, 1
// the day after its end; outside the term it is below 0 or above 1.
func (tl Timeline) Offset(d civil.Date) float64 {
	total := tl.Start.DaysUntil(tl.End) + 1
	if total <= 0 {
		return 0
	}
	return float64(tl.Start.DaysUntil(d)) / float64(total)
}

// Timeline returns term's rounds with their stages and their status on
// day today.
func (c *Calendar) Timeline(term string, today civil.Date) (Timeline, error) {
	t := c.Term(term)
	if t == nil {
		return Timeline{}, errNoTerm(term)
	}
	tl := Timeline{Term: t.Code, Name: t.Name, Start: t.Start, End: t.End, Today: today, Groups: c.Linked(term)}
	group := make(map[*snap.Round]int)
	for gi, g := range tl.Groups {
		for _, r := range g.Rounds {
			group[r] = gi
		}
	}
	add := func(r *snap.Round, gi int) {
		s := c.Schedule(r)
		tr := TimelineRound{Code: r.Code, Name: r.Name, Type: r.Type, Mode: r.Mode, Level: r.Level, Number: r.Number,
			Status: s.Status(today), Stages: s.Spans(), Teams: len(r.Teams), Group: gi, Foreign: r.Term != term}
		for i := range r.Teams {
			tr.Units += len(r.Teams[i].Units)
		}
		tl.Rounds = append(tl.Rounds, tr)
	}
	shown := make(map[int]bool)
	for _, r := range c.Rounds(term) {
		gi, ok := group[r]
		if !ok {
			add(r, -1)
			continue
		}
		if shown[gi] {
			continue
		}
		shown[gi] = true
		for _, own := range []bool{true, false} {
			for _, x := range tl.Groups[gi].Rounds {
				if (x.Term == term) == own {
					add(x, gi)
				}
			}
		}
	}
	return tl, nil
}
