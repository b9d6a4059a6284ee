package papers

import (
	"slices"
	"strings"
	"testing"
)

func TestCheckTemplate(t *testing.T) {
	cases := []struct {
		name     string
		key      string
		t        Template
		problems []string
		notes    []string
	}{
		{"默认模板无误", string(KindFound), DefaultTemplate(string(KindFound)), nil, nil},
		{"未知占位符", string(KindNotice), Template{Title: "{党委简称}{巡察组}公告", Body: "值班电话：{值班电话}\n联系人：{联系人}"},
			[]string{"正文第2行：{联系人} 不是巡察公告的占位符"}, nil},
		{"别的文书的占位符", string(KindNotice), Template{Title: "公告{单位名称}"},
			[]string{"标题第1行：{单位名称} 不是巡察公告的占位符"}, nil},
		{"表格占位符不单独成行", string(KindFound), Template{Title: "通知", Body: "名单如下：{巡察组名单}"},
			[]string{"正文第1行：{巡察组名单} 代表表格或清单，须在正文中单独占一行"}, nil},
		{"表格占位符在落款", string(KindFound), Template{Title: "通知", Body: "{巡察组名单}", Signature: "{巡察组名单}"},
			[]string{"落款第1行：{巡察组名单} 代表表格或清单，须在正文中单独占一行"}, nil},
		{"去掉表格占位符只是提示", string(KindRectify), Template{Title: "整改通知书", Body: "请整改。"},
			nil, []string{"正文中没有 {整改事项表}：生成的文书将不含该单位的整改措施、责任部门、责任人和完成时限"}},
		{"标题为空", string(KindUrge), Template{Body: "{逾期事项表}"}, []string{"标题不能为空"}, nil},
		{"字数超限", string(KindUrge), Template{Title: "督办", Body: "{逾期事项表}\n" + strings.Repeat("字", MaxTemplateField)},
			[]string{"正文共5008字，超过5000字"}, nil},
		{"表格占位符前后空格可", string(KindUrge), Template{Title: "督办", Body: "  {逾期事项表}  "}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, n := c.t.Check(c.key)
			if !slices.Equal(p, c.problems) || !slices.Equal(n, c.notes) {
				t.Errorf("Check = %q, %q\nwant %q, %q", p, n, c.problems, c.notes)
			}
		})
	}
}

// Every default template checks clean, and every placeholder it uses
// is filled in the documents the fixture makes.
func TestDefaultsCheckClean(t *testing.T) {
	for _, k := range TemplateKeys {
		if p, n := DefaultTemplate(k).Check(k); len(p) > 0 || len(n) > 0 {
			t.Errorf("%s: %q %q", k, p, n)
		}
	}
	for _, c := range everyPaper() {
		for _, b := range c.p.Blocks {
			if m := placeholderRE.FindString(b.Text); m != "" {
				t.Errorf("%s: %s left unfilled in %q", c.p.Name, m, b.Text)
			}
		}
	}
}

func TestSettingsCheck(t *testing.T) {
	s := Settings{Office: Office{Phone: "0716\n8881234", Receives: strings.Repeat("字", 501)},
		Templates: map[string]Template{"公告": {Title: "{未知}"}, "没有这种": {Title: "x"}}}
	p, _ := s.Check()
	want := []string{"值班电话不能换行", "受理范围共501字，超过500字", "巡察公告：标题第1行：{未知} 不是巡察公告的占位符", "没有名为“没有这种”的文书模板"}
	if !slices.Equal(p, want) {
		t.Errorf("Check = %q\nwant %q", p, want)
	}
	if !s.Changed("公告") || s.Changed("通知") {
		t.Error("Changed")
	}
}

func TestOfficeResolved(t *testing.T) {
	cases := []struct{ term, committee, short, place, issuer string }{
		{"中共清江市第十五届委员会", "中共清江市委", "市委", "清江市", "中共清江市委巡察工作领导小组"},
		{"中共城关区第十二届委员会", "中共城关区委", "区委", "城关区", "中共城关区委巡察工作领导小组"},
		{"中共清江市第十五届委员会任期", "中共清江市委", "市委", "清江市", "中共清江市委巡察工作领导小组"},
		{"中共安平县委员会", "中共安平县委", "县委", "安平县", "中共安平县委巡察工作领导小组"},
		{"第十五届", "中共××委", "××委", "××", "中共××委巡察工作领导小组"},
	}
	for _, c := range cases {
		o := Office{}.Resolved(c.term)
		if o.Committee != c.committee || o.Short != c.short || o.Place != c.place || o.Issuer != c.issuer {
			t.Errorf("%s: %+v", c.term, o)
		}
	}
	o := Office{Committee: "中共清江市委", Short: "市委", Issuer: "清江市委巡察办"}.Resolved("无关")
	if o.Issuer != "清江市委巡察办" || o.Office != "中共清江市委巡察工作领导小组办公室" {
		t.Errorf("set names kept: %+v", o)
	}
}

func TestNumeralAndNames(t *testing.T) {
	if got := fileName(`督办通知_U01_财政局/办公室:"A"?. `); got != "督办通知_U01_财政局_办公室__A__" {
		t.Errorf("fileName = %q", got)
	}
	if Date(0) != "　　年　　月　　日" || Date(d("2026-03-01")) != "2026年3月1日" {
		t.Error("Date")
	}
	if span(d("2026-12-07"), d("2027-01-15")) != "2026年12月7日至2027年1月15日" {
		t.Error("span over a year's end")
	}
}

func TestParseKind(t *testing.T) {
	for s, want := range map[string]Kind{"公告": KindNotice, "巡察公告": KindNotice, "申报表": KindInform, "回避告知书": KindInform,
		"整改通知书": KindRectify, "每轮综合情况": KindSummary} {
		if k, ok := ParseKind(s); !ok || k != want {
			t.Errorf("ParseKind(%s) = %s, %v", s, k, ok)
		}
	}
	if _, ok := ParseKind("通告"); ok {
		t.Error("通告 read as a kind")
	}
}

// Whatever a clerk types into a template, checking and building never
// fail, and the document still writes.
func FuzzTemplate(f *testing.F) {
	f.Add("{巡察组名单}", "{党委}", "{成文日期}")
	f.Add("{{}}{", "}{巡察组", "{提示事项}\n{提示事项}")
	f.Fuzz(func(t *testing.T, title, body, sign string) {
		tp := Template{Title: title, Body: body, Signature: sign}
		tp.Check(string(KindFound))
		b := NewBuilder(Settings{Templates: map[string]Template{string(KindFound): tp}}, "中共清江市第十五届委员会", nil)
		r := round()
		p := b.Found(r)
		var w strings.Builder
		if err := WriteDocx(&w, &p); err != nil {
			t.Fatal(err)
		}
	})
}
