package papers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Template is the text of a kind of document a clerk can adjust: the
// title, the 主送 line (may be empty), the body (one paragraph a line) and
// the 落款 (one line each, flush right; the last is usually the date).
type Template struct {
	Title     string `json:"title"`
	Recipient string `json:"recipient"`
	Body      string `json:"body"`
	Signature string `json:"signature"`
}

// FormKey is the template of the 回避事项申报表 that follows each 回避告知书.
const FormKey = "申报表"

// TemplateKeys lists the templates in the order 设置 shows them.
var TemplateKeys = []string{string(KindNotice), string(KindFound), string(KindInform), FormKey, string(KindFeedback),
	string(KindRectify), string(KindHandover), string(KindAppraise), string(KindUrge), string(KindAnnual), string(KindSummary)}

// TemplateTitle names a template in 设置.
func TemplateTitle(key string) string {
	if key == FormKey {
		return "回避事项申报表"
	}
	if key == string(KindInform) {
		return "回避告知书"
	}
	return Kind(key).Title()
}

// Placeholder is a name a template may use in braces, with what it
// stands for; a Block placeholder stands alone on a line of the body for
// a table or list.
type Placeholder struct {
	Name, Meaning string
	Block         bool
}

var (
	common = []Placeholder{
		{"发文机关", "设置中的发文机关（如 中共清江市委巡察工作领导小组）", false},
		{"党委", "党委全称（如 中共清江市委）", false}, {"党委简称", "党委简称（如 市委）", false},
		{"巡察办", "巡察机构名称（如 中共清江市委巡察工作领导小组办公室）", false}, {"地名", "市、县（区）名（如 清江市）", false},
		{"成文日期", "文书的日期（如 2026年3月1日）", false},
		{"值班电话", "设置中的值班电话", false}, {"邮政信箱", "设置中的邮政信箱", false}, {"电子邮箱", "设置中的电子邮箱", false},
		{"受理时间", "设置中的值班电话受理时间", false}, {"受理范围", "设置中的受理范围", false},
		{"上报对象", "设置中的上报对象（如 省委巡视工作领导小组）", false},
	}
	roundPH = []Placeholder{
		{"轮次名称", "轮次的名称（如 2026年第一轮巡察）", false}, {"轮次序号", "届内第几轮（如 第三轮）", false},
		{"届期名称", "届期名称", false}, {"巡察类型", "常规、专项、机动或回头看", false},
		{"组织方式", "本级、提级、交叉、上下联动或巡审联动", false},
		{"巡察方式", "巡察类型连同交叉、提级、上下联动（如 交叉、专项、提级专项），用于“开展{巡察方式}巡察”", false},
		{"编组方式", "混合编组、成建制交叉或本县", false},
		{"进驻开始", "进驻开始日期（巡察组自己的，否则轮次的）", false}, {"进驻结束", "进驻结束日期", false},
	}
	teamPH = []Placeholder{
		{"巡察组", "巡察组名称（如 第一巡察组）", false}, {"组长", "组长姓名", false},
		{"被巡察单位", "巡察组的被巡察单位，以顿号分隔", false}, {"被巡察县区", "被巡察单位所在县区", false},
	}
	memberPH = []Placeholder{
		{"姓名", "人员姓名", false}, {"角色", "在巡察组中的角色", false}, {"工作单位", "现工作单位", false}, {"职务", "职务", false},
	}
	unitPH = []Placeholder{
		{"巡察组", "巡察该单位的巡察组", false}, {"单位名称", "被巡察单位名称", false},
		{"反馈日期", "反馈日期（节点“反馈”，否则轮次的反馈日期）", false}, {"整改报告期限", "整改报告应报送的日期", false},
	}
	figurePH = []Placeholder{
		{"统计范围", "统计的届期、年度和县区", false}, {"统计日", "统计日期", false},
		{"轮次数", "轮次数", false}, {"巡察组数", "巡察组数", false}, {"被巡察单位数", "被巡察单位数", false},
		{"应覆盖", "届内应覆盖单位数", false}, {"已覆盖", "届内已覆盖单位数", false}, {"覆盖率", "届内覆盖率", false},
		{"抽调人次", "编入巡察组的人次", false}, {"抽调人数", "编入巡察组的人数", false}, {"专职人次", "专职巡察干部人次", false},
		{"新提拔参加", "参加巡察的新提拔干部人数", false}, {"新提拔待参加", "尚待参加巡察的新提拔干部人数", false},
		{"问题数", "发现问题数", false}, {"立行立改数", "立行立改问题数", false}, {"问题分类", "按问题类别的句子", false},
		{"整改措施数", "整改措施数", false}, {"已完成数", "已完成整改措施数", false}, {"已销号数", "已销号整改措施数", false},
		{"整改率", "整改率", false}, {"逾期数", "逾期未完成的整改措施数", false},
		{"线索数", "移交问题线索数", false}, {"线索去向", "按移交对象的句子", false},
		{"立案人数", "立案人数", false}, {"处分人数", "处分人数", false}, {"移送司法人数", "移送司法人数", false},
	}
)

// Placeholders lists what the template key may use: the common ones,
// then the kind's own.
func Placeholders(key string) []Placeholder {
	own := map[string][]Placeholder{
		string(KindNotice): cat(roundPH, teamPH),
		string(KindFound): cat(roundPH, []Placeholder{{"巡察组数", "本轮巡察组数", false}, {"被巡察单位数", "本轮被巡察单位数", false},
			{"巡察组名单", "每个巡察组的被巡察单位、进驻时间和组成人员（表格）", true}}),
		string(KindInform): cat(roundPH, teamPH, memberPH, []Placeholder{{"提示事项", "程序为该人员查到的提示事项（逐条）", true}}),
		FormKey:            cat(roundPH, teamPH, memberPH),
		string(KindFeedback): cat(roundPH, unitPH, []Placeholder{{"问题数", "该单位的问题数", false},
			{"问题清单", "该单位的问题，按问题类别分组（逐条）", true}}),
		string(KindRectify): cat(roundPH, unitPH, []Placeholder{{"整改措施数", "该单位的整改措施数", false},
			{"整改事项表", "该单位的整改措施、责任部门、责任人和完成时限（表格）", true}}),
		string(KindHandover): cat(roundPH, []Placeholder{{"移交对象", "线索的移交对象（如 纪委监委）", false},
			{"线索数", "移交该对象的线索数", false}, {"线索分类", "按线索类别的句子", false},
			{"线索表", "线索编号、类别、涉及人员级别和日期（表格，不含线索内容）", true}}),
		string(KindAppraise): cat(roundPH, teamPH, memberPH),
		string(KindUrge): cat(roundPH, unitPH, []Placeholder{{"统计日", "督办的日期", false}, {"逾期数", "逾期事项数", false},
			{"逾期事项表", "逾期的整改措施和整改报告（表格）", true}}),
		string(KindAnnual):  cat([]Placeholder{{"年度", "年度（如 2026）", false}, {"届期名称", "届期名称", false}}, figurePH),
		string(KindSummary): cat(roundPH, figurePH),
	}[key]
	return cat(common, own)
}

func cat(lists ...[]Placeholder) []Placeholder {
	var out []Placeholder
	for _, l := range lists {
		for _, p := range l {
			if !slices.ContainsFunc(out, func(q Placeholder) bool { return q.Name == p.Name }) {
				out = append(out, p)
			}
		}
	}
	return out
}

// placeholderRE finds {名称}.
var placeholderRE = regexp.MustCompile(`\{([^{}\s]{1,20})\}`)

// MaxTemplateField is the longest a template's field may be, in
// characters.
const MaxTemplateField = 5000

// Check reports what is wrong with t as the template key (problems: an
// unknown placeholder, a table's placeholder not alone on a line of the
// body, an empty title, a field too long), and notes on what it leaves
// out (a table's placeholder missing: the document will have no table).
func (t Template) Check(key string) (problems, notes []string) {
	known := map[string]Placeholder{}
	for _, p := range Placeholders(key) {
		known[p.Name] = p
	}
	if strings.TrimSpace(t.Title) == "" {
		problems = append(problems, "标题不能为空")
	}
	used := map[string]bool{}
	for _, f := range []struct{ name, text string }{{"标题", t.Title}, {"主送", t.Recipient}, {"正文", t.Body}, {"落款", t.Signature}} {
		if n := utf8.RuneCountInString(f.text); n > MaxTemplateField {
			problems = append(problems, fmt.Sprintf("%s共%d字，超过%d字", f.name, n, MaxTemplateField))
		}
		for i, line := range strings.Split(f.text, "\n") {
			for _, m := range placeholderRE.FindAllStringSubmatch(line, -1) {
				p, ok := known[m[1]]
				switch {
				case !ok:
					problems = append(problems, fmt.Sprintf("%s第%d行：{%s} 不是%s的占位符", f.name, i+1, m[1], TemplateTitle(key)))
				case p.Block && (f.name != "正文" || strings.TrimSpace(line) != m[0]):
					problems = append(problems, fmt.Sprintf("%s第%d行：{%s} 代表表格或清单，须在正文中单独占一行", f.name, i+1, m[1]))
				}
				used[m[1]] = true
			}
		}
	}
	for _, p := range Placeholders(key) {
		if p.Block && !used[p.Name] {
			notes = append(notes, fmt.Sprintf("正文中没有 {%s}：生成的文书将不含%s", p.Name, strings.SplitN(p.Meaning, "（", 2)[0]))
		}
	}
	return problems, notes
}

// fill replaces each known placeholder of s by its value; an unknown one
// stays as it is written.
func fill(s string, vals map[string]string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := vals[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}
