package ledger

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// planted is a term of two rounds whose every row plants one rule of SPEC
// §9.3, on the day 2026-06-01.
func planted() *Data {
	return &Data{
		ClueRows: true,
		Rounds: []Round{
			{Code: "R2026-1", Teams: []Team{
				{Name: "第一巡察组", Units: []Unit{{Code: "U0101"}, {Code: "U0102"}}},
				{Name: "第二巡察组", Units: []Unit{{Code: "U0103"}, {Code: "U0104"}}},
			}},
			{Code: "R2025-2", Teams: []Team{{Name: "第一巡察组", Units: []Unit{{Code: "U0201"}}}}},
			{Code: "R2026-2", Teams: []Team{{Name: "第一巡察组", Units: []Unit{{Code: "U0301"}}}}},
		},
		Milestones: []Milestone{
			// 第一组 反馈 on 2026-03-31: report due 2026-05-31 (May has 31 days).
			{Round: "R2026-1", Team: "第一巡察组", Kind: vocab.MsFeedback, Date: d("2026-03-31")},
			// U0101 received its own report; U0102 did not: overdue 1 day.
			{Round: "R2026-1", Team: "第一巡察组", Unit: "U0101", Kind: vocab.MsRectifyReport, Date: d("2026-05-20")},
			// 第二组 反馈 on 2026-04-01 → due 2026-06-01: today, not overdue.
			{Round: "R2026-1", Team: "第二巡察组", Kind: vocab.MsFeedback, Date: d("2026-04-01")},
			// The round-level 反馈 of R2025-2 on 2025-12-31 → due 2026-02-28;
			// its team's report received on the team, after the due date.
			{Round: "R2025-2", Kind: vocab.MsFeedback, Date: d("2025-12-31")},
			{Round: "R2025-2", Team: "第一巡察组", Kind: vocab.MsRectifyReport, Date: d("2026-03-02")},
		},
		Findings: []Finding{
			{Code: "F01", Round: "R2026-1", Team: "第一巡察组", Unit: "U0101", Category: "党的建设缺失", OnTheSpot: true},
			{Code: "F02", Round: "R2026-1", Team: "第一巡察组", Unit: "U0102", Category: "其他"},
			{Code: "F03", Round: "R2025-2", Team: "第一巡察组", Unit: "U0201", Category: "其他"},
		},
		Items: []Item{
			{Code: "Z0001", Finding: "F01", State: vocab.ItemInProgress, Due: d("2026-05-31")}, // yesterday: overdue 1
			{Code: "Z0002", Finding: "F01", State: vocab.ItemNotStarted, Due: d("2026-06-01")}, // today: due soon
			{Code: "Z0003", Finding: "F01", State: vocab.ItemInProgress, Due: d("2026-06-02")}, // tomorrow: due soon
			{Code: "Z0004", Finding: "F01", State: vocab.ItemDone, Due: d("2026-01-01"), DoneOn: d("2026-02-01")},
			{Code: "Z0005", Finding: "F02", State: vocab.ItemClosed, Due: d("2026-01-01"), DoneOn: d("2025-12-01")},
			{Code: "Z0006", Finding: "F02", State: vocab.ItemNotStarted, Due: d("2026-06-16")}, // day 15: due soon
			{Code: "Z0007", Finding: "F02", State: vocab.ItemNotStarted, Due: d("2026-06-17")}, // day 16: not
			{Code: "Z0008", Finding: "F02", State: vocab.ItemNotStarted, Due: d("2026-05-01")}, // overdue 31
			{Code: "Z0009", Finding: "F03", State: vocab.ItemInProgress, Due: d("2026-05-01")}, // same due, later code
		},
		Clues: []Clue{
			// No 反馈时限: 2026-02-19 + 3 months = 2026-05-19, overdue 13 days.
			{Code: "X0001", Round: "R2026-1", Unit: "U0102", HandedOn: d("2026-02-19")},
			// 反馈时限 given, answered: not overdue.
			{Code: "X0002", Round: "R2026-1", Unit: "U0101", HandedOn: d("2026-02-19"), FeedbackDue: d("2026-03-01"), FeedbackOn: d("2026-03-05")},
			// 反馈时限 today: not overdue.
			{Code: "X0003", Round: "R2026-1", Unit: "U0103", HandedOn: d("2026-04-01"), FeedbackDue: d("2026-06-01")},
		},
	}
}

func TestComputeGolden(t *testing.T) {
	rep := Compute(planted(), Defaults(), d("2026-06-01"), "")
	got, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "ledger.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ledger differs from %s:\n%s", path, got)
	}
}

func TestComputePlantedFigures(t *testing.T) {
	rep := Compute(planted(), Defaults(), d("2026-06-01"), "")
	if len(rep.Rounds) != 3 || rep.Rounds[0].Round != "R2025-2" || rep.Rounds[1].Round != "R2026-1" {
		t.Fatalf("rounds not sorted by code: %+v", rep.Rounds)
	}
	r := rep.Rounds[1]
	want := RoundFigure{Round: "R2026-1", Findings: 2, OnTheSpot: 1, Items: 8, Done: 1, Closed: 1, Overdue: 2,
		DueSoon: 3, Rate: 0.25, Clues: 3, CluesOverdue: 1}
	r.Units = nil
	if got := r; got.Round != want.Round || got.Findings != want.Findings || got.OnTheSpot != want.OnTheSpot ||
		got.Items != want.Items || got.Done != want.Done || got.Closed != want.Closed || got.Overdue != want.Overdue ||
		got.DueSoon != want.DueSoon || got.Rate != want.Rate || got.Clues != want.Clues || got.CluesOverdue != want.CluesOverdue {
		t.Errorf("round figures = %+v\nwant %+v", got, want)
	}
	units := rep.Rounds[1].Units
	if len(units) != 4 {
		t.Fatalf("units = %+v; want every unit the teams inspect, with or without findings", units)
	}
	u1, u2, u3, u4 := units[0], units[1], units[2], units[3]
	if u1.ReportDue != "2026-05-31" || u1.ReportReceived != "2026-05-20" || u1.ReportOverdue {
		t.Errorf("U0101 (own report received) = %+v", u1)
	}
	if u2.ReportDue != "2026-05-31" || u2.ReportReceived != "" || !u2.ReportOverdue {
		t.Errorf("U0102 (report due yesterday, none) = %+v", u2)
	}
	if u3.ReportDue != "2026-06-01" || u3.ReportOverdue || u4.Items != 0 || u4.Rate != 0 {
		t.Errorf("U0103 (report due today) = %+v, U0104 (no findings) = %+v", u3, u4)
	}
	if u1.Items != 4 || u1.Done != 1 || u1.Overdue != 1 || u1.Rate != 0.25 {
		t.Errorf("U0101 items = %+v", u1)
	}
	old := rep.Rounds[0].Units[0]
	if old.ReportDue != "2026-02-28" || old.ReportReceived != "2026-03-02" || old.ReportOverdue {
		t.Errorf("R2025-2 U0201 (反馈 12-31 on the round, report on the team) = %+v", old)
	}
	if nf := rep.Rounds[2].Units[0]; nf.ReportDue != "" || nf.ReportOverdue {
		t.Errorf("a unit without 反馈 has no report due: %+v", nf)
	}
	var kinds []string
	for _, o := range rep.Overdue {
		kinds = append(kinds, o.Kind+" "+o.Code+" "+o.Unit+" "+o.Due)
	}
	wantRows := []string{
		"整改 Z0008 U0102 2026-05-01", "整改 Z0009 U0201 2026-05-01", "整改 Z0001 U0101 2026-05-31",
		"线索 X0001 U0102 2026-05-19",
		"整改报告  U0102 2026-05-31",
	}
	if len(kinds) != len(wantRows) {
		t.Fatalf("overdue = %q\nwant %q", kinds, wantRows)
	}
	for i := range kinds {
		if kinds[i] != wantRows[i] {
			t.Errorf("overdue[%d] = %q, want %q", i, kinds[i], wantRows[i])
		}
	}
	if rep.Overdue[0].Days != 31 || rep.Overdue[3].Days != 13 || rep.Overdue[4].Days != 1 {
		t.Errorf("days = %d, %d, %d", rep.Overdue[0].Days, rep.Overdue[3].Days, rep.Overdue[4].Days)
	}
}

func TestComputeOneRoundAndCountsOnly(t *testing.T) {
	data := planted()
	data.ClueRows = false
	rep := Compute(data, Defaults(), d("2026-06-01"), "R2026-1")
	if len(rep.Rounds) != 1 || rep.Rounds[0].Round != "R2026-1" {
		t.Fatalf("rounds = %+v", rep.Rounds)
	}
	if rep.Rounds[0].Clues != 3 || rep.Rounds[0].CluesOverdue != 1 {
		t.Errorf("clue counts must stay without the right: %+v", rep.Rounds[0])
	}
	for _, o := range rep.Overdue {
		if o.Kind == KindClue {
			t.Errorf("a clue row shown without the right: %+v", o)
		}
		if o.Code == "Z0009" {
			t.Errorf("an item of another round listed: %+v", o)
		}
	}
}

func TestComputeEmpty(t *testing.T) {
	b, _ := json.Marshal(Compute(&Data{}, Defaults(), civil.MustParse("2026-06-01"), ""))
	if string(b) != `{"today":"2026-06-01","rounds":[],"overdue":[]}` {
		t.Errorf("empty ledger = %s", b)
	}
}
