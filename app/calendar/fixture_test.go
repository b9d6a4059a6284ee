package calendar

import (
	"xuncha/app/civil"
	"xuncha/app/snap"
)

func d(s string) civil.Date { return civil.MustParse(s) }

func units(codes ...string) []snap.TeamUnit {
	out := make([]snap.TeamUnit, len(codes))
	for i, c := range codes {
		out[i] = snap.TeamUnit{Unit: c}
	}
	return out
}

func members(codes ...string) []snap.Member {
	out := make([]snap.Member, len(codes))
	for i, c := range codes {
		out[i] = snap.Member{Person: c, Role: "成员"}
		if i == 0 {
			out[i].Role = "组长"
		}
	}
	return out
}

// world is a small county pair with a term of 2026, two rounds:
//
//	R1 第一轮: on site 2026-03-02 … 2026-03-31 (all stage dates entered, as
//	  Fill(2026-03-02) gives them); 第一组 inspects U0101, U0102 (甲县),
//	  第二组 U0201 (乙县)
//	R2 第二轮: on site 2026-09-01 … 2026-09-30 (only on-site dates); 第一组
//	  inspects U0103
//
// U0104, U0202 and U0203 are on no team. P1 serves in both rounds (no
// overlap).
func world() *snap.Snapshot {
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}},
		Units: []snap.Unit{
			{Code: "U0101", Name: "甲县财政局", County: "C01", Category: "县直机关"},
			{Code: "U0102", Name: "甲县人民医院", County: "C01", Category: "事业单位"},
			{Code: "U0103", Name: "城关镇", County: "C01", Category: "乡镇街道"},
			{Code: "U0104", Name: "东关村", County: "C01", Category: "村社区", Parent: "U0103"},
			{Code: "U0201", Name: "乙县交通运输局", County: "C02", Category: "县直机关"},
			{Code: "U0202", Name: "乙县水务公司", County: "C02", Category: "国有企业"},
			{Code: "U0203", Name: "河口镇", County: "C02", Category: "乡镇街道"},
		},
		People: []snap.Person{
			{Code: "P1", Name: "张一"}, {Code: "P2", Name: "李二"}, {Code: "P3", Name: "王三"}, {Code: "P4", Name: "赵四"},
		},
		Terms: []snap.Term{{Code: "T1", Name: "第十五届", Start: d("2026-01-01"), End: d("2026-12-31")}},
		Rounds: []snap.Round{
			{Code: "R1", Term: "T1", Number: 1, Name: "第一轮", Type: "常规", Mode: "混合编组",
				PrepStart: d("2026-02-16"), OnsiteStart: d("2026-03-02"), OnsiteEnd: d("2026-03-31"), ReportEnd: d("2026-04-30"),
				FeedbackDate: d("2026-05-15"), RectifyDue: d("2026-07-14"), CheckDate: d("2026-10-12"),
				Teams: []snap.Team{
					{ID: 1, Name: "第一组", Seq: 1, County: "C01", Units: units("U0101", "U0102"), Members: members("P1", "P2")},
					{ID: 2, Name: "第二组", Seq: 2, County: "C02", Units: units("U0201"), Members: members("P3")},
				}},
			{Code: "R2", Term: "T1", Number: 2, Name: "第二轮", Type: "常规", Mode: "本县",
				OnsiteStart: d("2026-09-01"), OnsiteEnd: d("2026-09-30"),
				Teams: []snap.Team{
					{ID: 3, Name: "第一组", Seq: 1, County: "C01", Units: units("U0103"), Members: members("P1", "P4")},
				}},
		},
	}
	s.Index()
	return s
}

func cal(s *snap.Snapshot) *Calendar { return New(s, Defaults()) }
