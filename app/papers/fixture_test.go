package papers

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

func d(s string) civil.Date { return civil.MustParse(s) }

// round is a round of two teams: the first staffed with a leader who has
// two 提示 (one a lifted hard hit) and a declaration, a member without
// any; the second not staffed yet.
func round() *Round {
	return &Round{Code: "2026-1", Name: "2026年第一轮巡察", TermName: "中共清江市第十五届委员会", Type: "常规", Mode: "混合编组",
		Number: 3, PrepStart: d("2026-03-20"), OnsiteStart: d("2026-04-07"), OnsiteEnd: d("2026-05-22"),
		Teams: []Team{
			{Name: "第一巡察组", CountyName: "城关区", Units: []Unit{{"U0101", "城关区财政局"}, {"U0102", "城关区教育局"}},
				Start: d("2026-04-07"), End: d("2026-05-22"), Members: []Member{
					{Person: "P00012", Name: "赵蓉蓉", Gender: "女", Role: vocab.RoleLeader, Unit: "安平县龙泉乡", Post: "党委书记",
						Rank: "正科级", Birth: d("1975-06-03"), Grade: "优秀", Comment: "政治站位高，组织协调有力。", State: vocab.EvalConfirmed,
						Hints: []Hint{{Rule: "R3b", RuleName: "亲属", Unit: "城关区财政局", Reason: "其表弟王小明在城关区财政局工作"},
							{Rule: "R2", RuleName: "曾任职", Unit: "城关区教育局", Reason: "2019-03 至 2020-08 在城关区教育局工作", Overridden: true}},
						Declarations: []Declaration{{Unit: "城关区教育局", Reason: "曾在该局挂职", Source: "本人申报"}}},
					{Person: "P00345", Name: "王䶮", Gender: "男", Role: vocab.RoleMember, Unit: "东湖区审计局", Post: "科员", Grade: "称职",
						State: vocab.EvalProposed},
				}},
			{Name: "第二巡察组", CountyName: "东湖区", Units: []Unit{{"U0201", "东湖区水利局"}}, Start: d("2026-04-14"), End: d("2026-05-29")},
		}}
}

// results are the first unit's results: findings in two categories
// (one fixed on the spot), an item per finding, the report due.
func results(r *Round) *UnitResults {
	return &UnitResults{Unit: Unit{"U0101", "城关区财政局"}, Team: &r.Teams[0], Feedback: d("2026-07-10"), ReportDue: d("2026-09-10"),
		Findings: []Finding{
			{Code: "W1", Category: "党的建设缺失", Description: "“三会一课”落实不到位"},
			{Code: "W2", Category: "党的领导弱化", Description: "贯彻落实上级决策部署不够有力。", OnTheSpot: true},
			{Code: "W3", Category: "党的建设缺失", Description: "发展党员程序不严"},
		},
		Items: []Item{
			{Code: "Z0001", Finding: "W1", Problem: "“三会一课”落实不到位", Measure: "建立考勤记录", Dept: "党建办", Owner: "李四", Due: d("2026-08-31")},
			{Code: "Z0002", Finding: "W2", Problem: "贯彻落实上级决策部署不够有力", Measure: "召开专题会议", Dept: "办公室", Owner: "王五", Due: d("2026-09-30")},
		}}
}

var clues = []Clue{
	{Code: "X2026-001", Team: "第一巡察组", Unit: "城关区财政局", Category: "违纪违法", Level: "乡科级", Receiver: "纪委监委",
		HandedOn: d("2026-07-13"), FeedbackDue: d("2026-10-13")},
	{Code: "X2026-004", Team: "第二巡察组", Unit: "东湖区水利局", Category: "作风问题", Level: "一般干部", Receiver: "纪委监委",
		HandedOn: d("2026-07-15"), FeedbackDue: d("2026-10-15")},
}

func builder() *Builder {
	return NewBuilder(Settings{Office: Office{Phone: "0716-8881234", PostBox: "清江市邮政信箱 1001 号", Email: "xc1@qj.example"}},
		"中共清江市第十五届委员会", vocab.FindingCategories)
}

// render writes p both ways, and the files under $XUNCHA_PAPERS_DUMP when
// it is set (for a look at them).
func render(t *testing.T, p Paper) (docxBytes, pdfBytes []byte) {
	t.Helper()
	var a, b bytes.Buffer
	if err := WriteDocx(&a, &p); err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(&b, &p); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("XUNCHA_PAPERS_DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, p.Name+".docx"), a.Bytes(), 0o644)
		os.WriteFile(filepath.Join(dir, p.Name+".pdf"), b.Bytes(), 0o644)
	}
	return a.Bytes(), b.Bytes()
}

// squeeze drops whitespace, as docxtext.Squeeze does for PDFs.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }
