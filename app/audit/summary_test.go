package audit

import (
	"reflect"
	"strings"
	"testing"

	"xuncha/model"
)

func TestLedger(t *testing.T) {
	person := func(post string, expert bool, history string) string {
		e := "false"
		if expert {
			e = "true"
		}
		return `{"Person":{"Code":"P00012","Name":"陈小鸿","Gender":"男","HomeCountyCode":"C01","HomeCounty":null,` +
			`"CurrentUnitCode":"U0107","CurrentUnit":null,"Post":"` + post + `","InExpertPool":` + e + `,"PromotedOn":""},` +
			`"History":[` + history + `],"Relatives":[]}`
	}
	h1 := `{"ID":19,"PersonCode":"P00012","Person":null,"UnitCode":"U0108","Unit":null,"StartDate":"2017-05-13","EndDate":"2024-07-03"}`
	h2 := `{"ID":20,"PersonCode":"P00012","Person":null,"UnitCode":"U0109","Unit":null,"StartDate":"2024-07-04","EndDate":""}`
	cases := []struct {
		name                      string
		action, entity, key, b, a string
		want                      string
	}{
		{"人员改职务、人员库、删一段经历", "修改", "人员", "P00012",
			person("科员", true, h1+","+h2), person("副科长", false, h1),
			"人员 P00012 陈小鸿　职务：科员 → 副科长；专业人员库：是 → 否；工作经历：删 U0109 2024-07-04"},
		{"新建轮次", "新增", "轮次", "2026-2", "",
			`{"Code":"2026-2","TermCode":"T15","Term":null,"Number":4,"Name":"2026年第二轮巡察","Type":"常规","Mode":"混合编组","PrepStart":""}`,
			"轮次 2026-2 2026年第二轮巡察　新：编码：2026-2，届期：T15，序号：4，名称：2026年第二轮巡察，巡察类型：常规，编组方式：混合编组"},
		{"设置的天数", "设置", "设置", "calendar", `{"prep_days":14,"onsite_days":30}`, `{"prep_days":14,"onsite_days":40}`,
			"设置 calendar　进驻天数：30 → 40"},
		{"豁免批准", "豁免批准", "回避豁免", "2026-2/第一组/P1/R4/U01",
			`{"ID":3,"TeamID":1,"Team":null,"PersonCode":"P1","Rule":"R4","Reason":"仅业务往来","Approver":"","ApprovedAt":""}`,
			`{"ID":3,"TeamID":1,"Team":null,"PersonCode":"P1","Rule":"R4","Reason":"仅业务往来","Approver":"周书记","ApprovedAt":"2026-12-01 10:00:00"}`,
			"回避豁免 2026-2/第一组/P1/R4/U01　批准人：（空） → 周书记；批准时间：（空） → 2026-12-01 10:00:00"},
		{"编组：增减成员", "编组", "轮次", "2026-2",
			`[{"Team":"第一组","Person":"P1","Role":"组长"},{"Team":"第一组","Person":"P2","Role":"成员"}]`,
			`[{"Team":"第一组","Person":"P1","Role":"组长"},{"Team":"第一组","Person":"P3","Role":"成员","Locked":true}]`,
			"轮次 2026-2　增 巡察组：第一组 人员：P3 角色：成员 锁定，删 巡察组：第一组 人员：P2 角色：成员"},
		{"整改报告日期", "修改", "整改报告", "2026-2/第一组/U01", "2026-03-01", "2026-04-01",
			"整改报告 2026-2/第一组/U01　2026-03-01 → 2026-04-01"},
		{"鉴定", "鉴定", "编组记录", "2026-2/第一组/P1", `{"鉴定":"","评语":""}`, `{"鉴定":"优秀","评语":"认真"}`,
			"编组记录 2026-2/第一组/P1　鉴定：（空） → 优秀；评语：（空） → 认真"},
		{"删除单位", "删除", "单位", "U0101",
			`{"Unit":{"Code":"U0101","Name":"城关区教育局","CountyCode":"C01","County":null,"Category":"县直机关","ParentCode":null,"Parent":null},"Leaders":[{"ID":1,"UnitCode":"U0101","Unit":null,"Name":"张龙","Post":"局长","IDNumber":""}],"Children":[]}`, "",
			"单位 U0101 城关区教育局　原：编码：U0101，名称：城关区教育局，县区：C01，单位类别：县直机关，领导班子成员：张龙 职务：局长"},
		{"导入的各表", "导入", "工作簿", "人员.xlsx", "",
			`[{"Sheet":"人员","Added":3,"Updated":0,"Unchanged":1,"Rejected":0}]`,
			"工作簿 人员.xlsx　新：工作表：人员 新增：3 更新：0 未变：1 拒绝：0"},
		{"登录，没有前后", "登录", "用户", "王主任", "", "", "用户 王主任"},
		{"无变化", "修改", "单位", "U1", `{"Code":"U1","Name":"甲"}`, `{"Code":"U1","Name":"甲"}`, "单位 U1 甲　无变化"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Ledger(model.AuditEntry{Action: c.action, Entity: c.entity, Key: c.key, Before: c.b, After: c.a})
			if got != c.want {
				t.Errorf("Ledger =\n%q\nwant\n%q", got, c.want)
			}
			for _, english := range []string{"Post", "Approver", "ApprovedAt", "null", "{", "team.ID", "Sheet"} {
				if strings.Contains(got, english) {
					t.Errorf("%q shows %s", got, english)
				}
			}
		})
	}
	long := Ledger(model.AuditEntry{Entity: "人员", Key: "P1", After: strings.Repeat("长", 500)})
	if n := len([]rune(long)); n != summaryLimit || !strings.HasSuffix(long, "…") {
		t.Errorf("long text: %d characters", n)
	}
}

func TestDetail(t *testing.T) {
	got := Detail("人员", "P1", `{"Person":{"Code":"P1","Name":"张三","HomeCounty":null,"FullTime":true},"History":[{"ID":1,"PersonCode":"P1","UnitCode":"U1","StartDate":"2020-01-01","EndDate":""}]}`)
	want := "编码：P1\n姓名：张三\n专职：是\n工作经历：1 项\n　· U1 2020-01-01"
	if got != want {
		t.Errorf("Detail =\n%s\nwant\n%s", got, want)
	}
	if Detail("设置", "x", "") != "（无）" || Detail("整改报告", "k", "2026-03-01") != "2026-03-01" {
		t.Error("empty or plain states")
	}
}

// Every field of every record the log may hold has a Chinese name: a new
// field of model needs one in fieldNames.
func TestEveryFieldHasChineseName(t *testing.T) {
	for _, e := range model.All() {
		typ := reflect.TypeOf(e).Elem()
		for i := range typ.NumField() {
			f := typ.Field(i)
			k := f.Type.Kind()
			if k == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct || k == reflect.Slice {
				continue // a link to another record
			}
			if f.Anonymous || f.Tag.Get("json") == "-" {
				continue // the stamp: not in the log
			}
			if f.Name == "Name" || typ.Name() == "AuditEntry" || typ.Name() == "Meta" {
				continue
			}
			if !skippedName(f.Name) && FieldName("", f.Name) == f.Name {
				t.Errorf("%s.%s has no Chinese name in fieldNames", typ.Name(), f.Name)
			}
		}
	}
}

func skippedName(name string) bool {
	for _, h := range hidden {
		if h == name {
			return true
		}
	}
	return false
}

func TestListDiffPairsChangedRecords(t *testing.T) {
	cases := []struct {
		b, a []string
		want string
	}{
		{[]string{"P1 张一 状态：在库", "P2 李二 状态：在库"}, []string{"P1 张一 状态：暂停", "P2 李二 状态：在库"}, "P1 张一 状态：在库 → 暂停"},
		{[]string{"U1 2020-01-01"}, []string{"U1 2020-01-01 2024-06-30"}, "U1 2020-01-01 （无） → 2024-06-30"},
		// Two records of one team: not paired, said as gained and lost.
		{[]string{"巡察组：一组 人员：P1", "巡察组：一组 人员：P2"}, []string{"巡察组：一组 人员：P1", "巡察组：一组 人员：P3"}, "增 巡察组：一组 人员：P3，删 巡察组：一组 人员：P2"},
		{nil, []string{"A"}, "增 A"},
	}
	for _, c := range cases {
		if got := listDiff(c.b, c.a); got != c.want {
			t.Errorf("listDiff(%v, %v) = %q, want %q", c.b, c.a, got, c.want)
		}
	}
}
