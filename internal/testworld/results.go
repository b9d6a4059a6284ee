package testworld

import "xuncha/model"

// ResultsToday is the day the results world is looked at.
const ResultsToday = "2026-06-01"

// Results are the rows of a small round with its results, as of
// ResultsToday: counties C01 and C02; round R2026-1 whose 第一巡察组
// inspected U0101 and U0102 (C01) and 第二巡察组 U0201 (C02); 第一巡察组's
// 反馈 on 2026-03-31 (reports due 2026-05-31) and U0101's report received;
// findings F01 (U0101), F02 (U0102); items Z0001 (overdue, 整改中), Z0002
// (due today), Z0003 (已完成), Z0004 (已销号) and Z0005 (due in 40 days,
// 未启动, 责任部门 财务科); clue X0001 (U0102, no 反馈时限: overdue) and
// X0002 (answered).
func Results() []any {
	return []any{
		&[]model.County{{Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}},
		&[]model.Unit{
			{Code: "U0101", Name: "甲县财政局", CountyCode: "C01", Category: "县直机关"},
			{Code: "U0102", Name: "甲县人民医院", CountyCode: "C01", Category: "事业单位"},
			{Code: "U0201", Name: "乙县交通运输局", CountyCode: "C02", Category: "县直机关"},
		},
		&model.Term{Code: "T1", Name: "第十五届", StartDate: "2025-01-01", EndDate: "2027-12-31"},
		&model.Round{Code: "R2026-1", TermCode: "T1", Number: 1, Name: "2026年第一轮", OnsiteStart: "2026-02-01", OnsiteEnd: "2026-03-15"},
		&[]model.Team{{ID: 1, RoundCode: "R2026-1", Name: "第一巡察组", Seq: 1}, {ID: 2, RoundCode: "R2026-1", Name: "第二巡察组", Seq: 2}},
		&[]model.TeamUnit{
			{TeamID: 1, RoundCode: "R2026-1", UnitCode: "U0101"}, {TeamID: 1, RoundCode: "R2026-1", UnitCode: "U0102"},
			{TeamID: 2, RoundCode: "R2026-1", UnitCode: "U0201"},
		},
		&[]model.Milestone{
			{RoundCode: "R2026-1", Team: "第一巡察组", Kind: "反馈", Date: "2026-03-31", Recorder: "王主任"},
			{RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Kind: "整改报告收到", Date: "2026-05-20", Recorder: "小李"},
		},
		&[]model.Finding{
			{Code: "F01", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Category: "党的建设缺失", Description: "“三会一课”落实不到位", OnTheSpot: true},
			{Code: "F02", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0102", Category: "其他", Description: "公务接待超标准"},
		},
		&[]model.RectifyItem{
			{Code: "Z0001", FindingCode: "F01", Measure: "建立会议记录制度", Dept: "办公室", Due: "2026-05-31", State: "整改中"},
			{Code: "Z0002", FindingCode: "F01", Measure: "开展专题学习", Dept: "党建办", Due: "2026-06-01", State: "未启动"},
			{Code: "Z0003", FindingCode: "F01", Measure: "约谈提醒", Dept: "纪检组", Due: "2026-05-01", State: "已完成", DoneOn: "2026-04-20"},
			{Code: "Z0004", FindingCode: "F02", Measure: "清退超标费用", Dept: "财务科", Due: "2026-04-01", State: "已销号", DoneOn: "2026-03-20", Review: "通过", Reviewer: "王主任", ClosedOn: "2026-03-25"},
			{Code: "Z0005", FindingCode: "F02", Measure: "完善接待制度", Dept: "财务科", Due: "2026-07-11", State: "未启动"},
		},
		&[]model.Clue{
			{Code: "X0001", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0102", Category: "违纪违法", Level: "乡科级", Receiver: "纪委监委", HandedOn: "2026-02-19"},
			{Code: "X0002", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Category: "作风问题", Receiver: "纪委监委", HandedOn: "2026-02-19", FeedbackDue: "2026-03-01", FeedbackOn: "2026-03-05", Outcome: "谈话函询"},
		},
	}
}
