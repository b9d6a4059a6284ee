package papers

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/internal/docxtext"
)

// every document of the fixture, with what its text must say.
func everyPaper() []struct {
	p    Paper
	want []string
} {
	r, b := round(), builder()
	u := results(r)
	over := []Overdue{{Code: "Z0001", What: "建立考勤记录", Dept: "党建办", Due: d("2026-08-31"), Days: 31},
		{What: "整改情况报告", Due: d("2026-09-10"), Days: 21}}
	fig := &Figures{Scope: "清江市", Today: d("2026-12-01"), Rounds: 3, Teams: 53, Units: 150, Required: 480, Covered: 147,
		CoverageRate: 0.3063, Placements: 371, Distinct: 360, FullTime: 53, NewlyPromoted: 12, Owing: 30, Findings: 428, OnTheSpot: 40,
		ByCategory: []Count{{"党的建设缺失", 100}, {"其他", 8}}, Items: 627, Done: 242, Closed: 252, Overdue: 77, Rate: 0.7879,
		Clues: 37, ByReceiver: []Count{{"纪委监委", 30}, {"组织部", 7}}, Opened: 4, Sanctioned: 3, Judiciary: 1}
	return []struct {
		p    Paper
		want []string
	}{
		{b.Notice(r, &r.Teams[0]), []string{"市委第一巡察组巡察公告", "2026年4月7日至2026年5月22日", "城关区财政局、城关区教育局",
			"0716-8881234", "清江市邮政信箱1001号", "xc1@qj.example", "受理时间：每天8:00—18:00", "违反政治纪律", "2026年4月7日"}},
		{b.Found(r), []string{"关于成立市委第三轮巡察组的通知", "各有关单位：", "决定成立2个巡察组", "对3个单位党组织", "（一）第一巡察组",
			"赵蓉蓉", "安平县龙泉乡党委书记", "王䶮", "（二）第二巡察组", "尚未编组", "中共清江市委巡察工作领导小组", "2026年3月20日"}},
		{b.Inform(r, &r.Teams[0], &r.Teams[0].Members[0]), []string{"巡察工作回避告知书", "赵蓉蓉同志：", "担任组长", "第三轮",
			"1.亲属（城关区财政局）：其表弟王小明在城关区财政局工作", "2.曾任职（城关区教育局）", "（已批准豁免）",
			"巡察工作人员回避事项申报表", "城关区教育局：曾在该局挂职（本人申报）", "中共清江市委巡察工作领导小组办公室", "2026年4月7日"}},
		{b.Inform(r, &r.Teams[0], &r.Teams[0].Members[1]), []string{"经比对，未发现需要提示的事项", "王䶮同志："}},
		{b.Feedback(r, u), []string{"市委第一巡察组关于巡察城关区财政局党组织的反馈意见", "城关区财政局党组织：",
			"（一）党的领导弱化方面", "1.贯彻落实上级决策部署不够有力。（已立行立改）", "（二）党的建设缺失方面",
			"1.“三会一课”落实不到位。", "2.发展党员程序不严。", "2026年9月10日前", "2026年7月10日"}},
		{b.Rectify(r, u), []string{"巡察整改通知书", "2026年7月10日", "共2项", "Z0001", "建立考勤记录", "党建办", "李四",
			"2026-08-31", "2026年9月10日前"}},
		{b.Handover(r, "纪委监委", clues, []string{"违纪违法", "选人用人", "作风问题", "其他"}), []string{"关于移交2026年第一轮巡察问题线索的函",
			"清江市纪委监委：", "问题线索2条", "其中违纪违法类1条、作风问题类1条。", "X2026-001", "X2026-004", "2026-10-15",
			"2026年7月15日"}},
		{b.Appraise(r, &r.Teams[0], &r.Teams[0].Members[0]), []string{"巡察工作人员鉴定表", "赵蓉蓉", "1975年6月", "正科级",
			"2026年第一轮巡察", "第一巡察组", "优秀", "政治站位高，组织协调有力。"}},
		{b.Appraise(r, &r.Teams[0], &r.Teams[0].Members[1]), []string{"称职（拟定）"}},
		{b.Urge(r, u, over, d("2026-10-01")), []string{"巡察整改督办通知", "截至2026年10月1日", "以下2项事项", "Z0001", "31",
			"整改情况报告", "21", "2026年10月1日"}},
		{b.Annual(2026, "中共清江市第十五届委员会", fig), []string{"中共清江市委关于2026年度巡察工作情况的报告", "上级巡察工作领导小组：",
			"共组织巡察3轮，派出巡察组53个，巡察150个单位党组织", "应巡察480个单位，已巡察147个，覆盖率30.63%", "371人次（360人）",
			"12名新提拔干部参加巡察，尚有30名", "其中党的建设缺失方面100个、其他方面8个。", "整改率78.79%",
			"其中移交纪委监委30条、组织部7条", "立案4人", "2026年12月1日", "三、存在的问题和不足"}},
		{b.Summary(r, fig), []string{"关于市委第三轮巡察综合情况的报告", "派出巡察组53个", "2026年4月7日至2026年5月22日进驻"}},
	}
}

// Every document reads back from its .docx (an independent XML reader)
// and its PDF (pdftotext) with the names and dates it must hold, and
// renders the same bytes twice.
func TestEveryDocumentReadsBack(t *testing.T) {
	for _, c := range everyPaper() {
		t.Run(c.p.Name, func(t *testing.T) {
			dx, pdf := render(t, c.p)
			f, err := docxtext.Read(dx)
			if err != nil {
				t.Fatal(err)
			}
			text := squeeze(f.Text())
			pdfText := squeeze(pdfToText(t, pdf))
			for _, w := range c.want {
				w := squeeze(w)
				if !strings.Contains(text, w) {
					t.Errorf(".docx lacks %q:\n%s", w, f.Text())
				}
				if !strings.Contains(pdfText, w) {
					t.Errorf("PDF lacks %q:\n%s", w, pdfText)
				}
			}
			dx2, pdf2 := render(t, c.p)
			if !bytes.Equal(dx, dx2) || !bytes.Equal(pdf, pdf2) {
				t.Error("the same document gave different bytes")
			}
		})
	}
}

func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return docxtext.PDFText(t, path)
}

// A round's 巡察类型 and 组织方式 (SPEC §8.1) name it together in the
// documents: 开展交叉巡察, not 开展常规巡察, for a 常规 round across
// counties; the two words stay apart as {巡察类型} and {组织方式}.
func TestRoundManner(t *testing.T) {
	for _, c := range []struct{ typ, level, manner string }{
		{"常规", "交叉", "交叉"}, {"专项", "交叉", "交叉专项"}, {"常规", "提级", "提级"}, {"常规", "上下联动", "上下联动"},
		{"专项", "本级", "专项"}, {"常规", "巡审联动", "常规"}, {"回头看", "", "回头看"}, {"", "", "常规"},
	} {
		v := roundValues(&Round{Type: c.typ, Level: c.level}, nil)
		if v["巡察方式"] != c.manner {
			t.Errorf("%s/%s: 巡察方式 %q, want %q", c.typ, c.level, v["巡察方式"], c.manner)
		}
		if want := cmp.Or(c.level, "本级"); v["组织方式"] != want || v["巡察类型"] != cmp.Or(c.typ, "常规") {
			t.Errorf("%s/%s: %q %q", c.typ, c.level, v["巡察类型"], v["组织方式"])
		}
	}
}
