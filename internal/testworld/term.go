package testworld

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"xuncha/model"
)

// The province term of issue 13's scale: 100 jurisdictions of 30 units,
// 10 rounds of 300 teams inspecting 3 units each (9,000 inspections, each
// unit three times), 3 findings of 3 or 4 items per inspection (≈ 90,000
// items), a clue per inspection (9,000), and each team's 反馈 with most
// units' reports received. Dates run from 2022 to 2026; on 2026-06-01 some
// of everything is overdue.
const (
	TermCounties = 100
	TermRounds   = 10
	TermTeams    = 300
)

// WriteTerm fills db with the province term in one transaction.
func WriteTerm(t testing.TB, db *gorm.DB) {
	t.Helper()
	if err := db.Transaction(func(tx *gorm.DB) error { return writeTerm(tx) }); err != nil {
		t.Fatal(err)
	}
}

func writeTerm(tx *gorm.DB) error {
	var (
		counties []model.County
		units    []model.Unit
		rounds   []model.Round
		teams    []model.Team
		tus      []model.TeamUnit
		ms       []model.Milestone
		fs       []model.Finding
		items    []model.RectifyItem
		clues    []model.Clue
	)
	cats := []string{"县直机关", "事业单位", "国有企业", "乡镇街道", "村社区", "其他"}
	for c := 0; c < TermCounties; c++ {
		cc := fmt.Sprintf("C%03d", c+1)
		counties = append(counties, model.County{Code: cc, Name: fmt.Sprintf("第%d县", c+1)})
		for u := 0; u < 30; u++ {
			units = append(units, model.Unit{Code: fmt.Sprintf("U%03d%02d", c+1, u+1), Name: fmt.Sprintf("第%d县第%d单位", c+1, u+1),
				CountyCode: cc, Category: cats[u%len(cats)]})
		}
	}
	states := []string{"未启动", "整改中", "已完成", "已销号", "已完成", "整改中"}
	id := uint(0)
	for r := 0; r < TermRounds; r++ {
		rc := fmt.Sprintf("R%02d", r+1)
		month := 1 + (r%2)*6
		year := 2022 + r/2
		start := fmt.Sprintf("%d-%02d-01", year, month)
		feedback := fmt.Sprintf("%d-%02d-28", year, month+2)
		rounds = append(rounds, model.Round{Code: rc, TermCode: "T1", Number: r + 1, Name: fmt.Sprintf("第%d轮", r+1),
			OnsiteStart: start, OnsiteEnd: fmt.Sprintf("%d-%02d-15", year, month+1)})
		for k := 0; k < TermTeams; k++ {
			id++
			name := fmt.Sprintf("第%d组", k+1)
			teams = append(teams, model.Team{ID: id, RoundCode: rc, Name: name, Seq: k + 1})
			ms = append(ms, model.Milestone{RoundCode: rc, Team: name, Kind: "反馈", Date: feedback, Recorder: "基准"})
			county := k / 3
			for j := 0; j < 3; j++ {
				u := units[county*30+(k%3)*10+(r%3)*3+j].Code
				tus = append(tus, model.TeamUnit{TeamID: id, RoundCode: rc, UnitCode: u})
				if (k+j)%5 != 0 {
					ms = append(ms, model.Milestone{RoundCode: rc, Team: name, UnitCode: u, Kind: "整改报告收到",
						Date: fmt.Sprintf("%d-%02d-20", year, month+4), Recorder: "基准"})
				}
				for f := 0; f < 3; f++ {
					fc := fmt.Sprintf("W%s-%s-%d", rc, u, f+1)
					fs = append(fs, model.Finding{Code: fc, RoundCode: rc, Team: name, UnitCode: u, Category: "其他",
						Description: "基准数据问题描述", OnTheSpot: f == 0 && j == 0})
					for i := 0; i < 3+(f+j)%2; i++ {
						st := states[(k+j+f+i)%len(states)]
						it := model.RectifyItem{Code: fmt.Sprintf("Z%s-%d", fc[1:], i+1), FindingCode: fc, Measure: "基准整改措施",
							Dept: []string{"办公室", "财务科", "党建办"}[i%3], Due: fmt.Sprintf("%d-%02d-%02d", year+1, 1+(k+i)%12, 1+(j+f)%28), State: st}
						if st == "已完成" || st == "已销号" {
							it.DoneOn = feedback
						}
						if st == "已销号" {
							it.Review, it.Reviewer, it.ClosedOn = "通过", "基准", feedback
						}
						items = append(items, it)
					}
				}
				c := model.Clue{Code: fmt.Sprintf("X%s-%s", rc, u), RoundCode: rc, Team: name, UnitCode: u, Category: "违纪违法",
					Receiver: "纪委监委", HandedOn: feedback}
				if (k+j)%3 == 0 {
					c.FeedbackOn = fmt.Sprintf("%d-%02d-10", year, month+4)
				}
				clues = append(clues, c)
			}
		}
	}
	for _, f := range []func() error{
		func() error { return model.InsertMany(tx, counties) },
		func() error { return model.InsertMany(tx, units) },
		func() error {
			return tx.Create(&model.Term{Code: "T1", Name: "基准届期", StartDate: "2022-01-01", EndDate: "2026-12-31"}).Error
		},
		func() error { return model.InsertMany(tx, rounds) },
		func() error { return model.InsertMany(tx, teams) },
		func() error { return model.InsertMany(tx, tus) },
		func() error { return model.InsertMany(tx, ms) },
		func() error { return model.InsertMany(tx, fs) },
		func() error { return model.InsertMany(tx, items) },
		func() error { return model.InsertMany(tx, clues) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}
