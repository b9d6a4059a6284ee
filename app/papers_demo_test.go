package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/demo"
	"xuncha/app/papers"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// Every document of a staffed demo round, opened with the independent
// reader: each names who and what the database says it is about, with
// the dates written as documents write them.
func TestEveryDemoPaper(t *testing.T) {
	if testing.Short() {
		t.Skip("demo data")
	}
	s := &Service{DB: testworld.DB(t)}
	if _, err := s.LoadDemo(demo.City); err != nil {
		t.Fatal(err)
	}
	const round = "2026-1"
	today := civil.MustParse("2026-11-21")
	dir := t.TempDir()
	files, err := s.WritePapers(PaperRequest{Round: round, Today: today}, dir, PaperFormats{Docx: true})
	if err != nil {
		t.Fatal(err)
	}
	var rd model.Round
	s.DB.Where("code = ?", round).First(&rd)
	var teams []model.Team
	s.DB.Where("round_code = ?", round).Order("seq, name").Find(&teams)
	text := map[string]string{}
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		text[filepath.ToSlash(rel)] = docText(t, f)
	}
	kinds := map[string]int{}
	for name := range text {
		kinds[strings.Split(name, "/")[0]]++
	}
	var members, units, withItems int64
	s.DB.Model(&model.TeamMember{}).Where("team_id IN (?)", s.DB.Model(&model.Team{}).Select("id").Where("round_code = ?", round)).Count(&members)
	s.DB.Model(&model.TeamUnit{}).Where("round_code = ?", round).Count(&units)
	s.DB.Model(&model.Finding{}).Where("round_code = ? AND code IN (?)", round, s.DB.Model(&model.RectifyItem{}).Select("finding_code")).
		Distinct("unit_code").Count(&withItems)
	for kind, n := range map[string]int{"巡察公告": len(teams), "关于成立巡察组的通知": 1, "回避告知书及回避事项申报表": int(members),
		"巡察人员鉴定表": int(members), "巡察反馈意见": int(units), "整改通知书": int(withItems)} {
		if kinds[kind] != n {
			t.Errorf("%d %s, want %d", kinds[kind], kind, n)
		}
	}
	if kinds["问题线索移交函"] == 0 || kinds["督办通知"] == 0 {
		t.Errorf("no 移交函 or 督办通知: %v", kinds)
	}
	date := func(s string) string { return papers.Date(civil.MustParse(s)) }
	for _, tm := range teams {
		start := rd.OnsiteStart
		if tm.OnsiteStart != "" {
			start = tm.OnsiteStart
		}
		notice := text["巡察公告/巡察公告_"+tm.Name+".docx"]
		var tus []model.TeamUnit
		s.DB.Where("team_id = ?", tm.ID).Find(&tus)
		for _, tu := range tus {
			var u model.Unit
			s.DB.Where("code = ?", tu.UnitCode).First(&u)
			if !strings.Contains(notice, u.Name) {
				t.Errorf("%s's 公告 lacks its unit %s", tm.Name, u.Name)
			}
			fb := text[fmt.Sprintf("巡察反馈意见/巡察反馈意见_%s_%s.docx", u.Code, u.Name)]
			if !strings.Contains(fb, u.Name+"党组织：") || !strings.Contains(fb, tm.Name) {
				t.Errorf("the 反馈意见 of %s does not name it or its team", u.Code)
			}
		}
		if !strings.Contains(notice, date(start)) {
			t.Errorf("%s's 公告 lacks its on-site start %s", tm.Name, date(start))
		}
		var ms []model.TeamMember
		s.DB.Where("team_id = ?", tm.ID).Find(&ms)
		for _, m := range ms {
			var p model.Person
			s.DB.Where("code = ?", m.PersonCode).First(&p)
			inform := text[fmt.Sprintf("回避告知书及回避事项申报表/回避告知书_%s_%s_%s.docx", tm.Name, p.Name, p.Code)]
			for _, w := range []string{p.Name + "同志：", "编入" + tm.Name, "担任" + m.Role, date(start), "巡察工作人员回避事项申报表"} {
				if !strings.Contains(inform, w) {
					t.Errorf("%s's 告知书 lacks %q", p.Code, w)
				}
			}
			app := text[fmt.Sprintf("巡察人员鉴定表/巡察人员鉴定表_%s_%s_%s.docx", tm.Name, p.Name, p.Code)]
			for _, w := range []string{p.Name, tm.Name, m.Role, m.Evaluation, m.Comment, rd.Name} {
				if !strings.Contains(app, w) {
					t.Errorf("%s's 鉴定表 lacks %q", p.Code, w)
				}
			}
		}
	}
}
