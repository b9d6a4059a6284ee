package recusal

import (
	"testing"

	"xuncha/app/snap"
)

var (
	remoteRoles = []string{"组长", "联络员", "成员"}
	longRoles   = []string{"组长", "副组长"}
)

func TestUnitRules(t *testing.T) {
	cases := []struct {
		name   string
		plant  func(p *snap.Person)
		unit   string
		expect []want
	}{
		{"现工作单位即被巡察单位", func(p *snap.Person) { p.CurrentUnit = "U02" }, "U02",
			[]want{{R1, Hard, nil, "现工作单位 县财政局，即被巡察单位"}}},
		{"现任职于镇巡察其下辖村", func(p *snap.Person) { p.CurrentUnit = "U01" }, "U0101",
			[]want{{R1, Hard, nil, "现工作单位 安平镇，是被巡察单位 东村 的上级单位"}}},
		{"现任职于村巡察其所属镇", func(p *snap.Person) { p.CurrentUnit = "U0101" }, "U01",
			[]want{{R1, Hard, nil, "现工作单位 东村，是被巡察单位 安平镇 的下级单位"}}},
		{"同镇另一村不回避", func(p *snap.Person) { p.CurrentUnit = "U0101" }, "U0102", nil},
		{"未结束的工作经历即现任职", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2020-05-01", "")}
		}, "U02", []want{{R1, Hard, nil, "2020-05 起在 县财政局 工作至今，即被巡察单位"}}},
		{"离任恰在进驻开始前3年", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2021-03-01", "2023-03-01")}
		}, "U02", []want{{R2, Hard, nil, "2021-03 至 2023-03 在 县财政局 工作，距进驻不足3年"}}},
		{"离任早于3年一天", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2021-03-01", "2023-02-28")}
		}, "U02", nil},
		{"离任不足3年（2021-03至2024-06）", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2021-03-01", "2024-06-30")}
		}, "U02", []want{{R2, Hard, nil, "2021-03 至 2024-06 在 县财政局 工作，距进驻不足3年"}}},
		{"早年任职满3年只约束组长副组长", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2010-01-01", "2016-05-31")}
		}, "U02", []want{{R2, Hard, longRoles, "2010-01 至 2016-05 在 县财政局 工作满3年以上（组长、副组长须回避）"}}},
		{"早年任职不满3年", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U02", "2010-01-01", "2012-12-31")}
		}, "U02", nil},
		{"曾任职于他单位", func(p *snap.Person) {
			p.History = []snap.Stint{stint("U03", "2021-03-01", "2025-01-01")}
		}, "U02", nil},
		{"配偶的兄弟姐妹任镇长", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "王五", Relation: "配偶的兄弟姐妹"}}
		}, "U01", []want{{R3, Hard, nil, "张三的配偶的兄弟姐妹 王五 任 安平镇 镇长（班子成员）"}}},
		{"配偶的兄弟姐妹的配偶任党委书记", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "孙立", Relation: "配偶的兄弟姐妹的配偶", IDNumber: idSun}}
		}, "U01", []want{{R3, Hard, nil, "张三的配偶的兄弟姐妹的配偶 孙立 任 安平镇 党委书记（班子成员）"}}},
		{"亲家任局长", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "赵建国", Relation: "子女的配偶的父母"}}
		}, "U02", []want{{R3, Hard, nil, "张三的子女的配偶的父母 赵建国 任 县财政局 局长（班子成员）"}}},
		{"身份证号相同而姓名写法不同", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "赵健国", Relation: "兄弟姐妹", IDNumber: idZhao}}
		}, "U02", []want{{R3, Hard, nil, "赵健国（身份证号与班子成员 赵建国 相同） 任 县财政局 局长"}}},
		{"亲属与他单位班子成员同名", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "李四", Relation: "父母", Unit: "U10", Leader: true}}
		}, "U01", nil},
		{"亲属在他单位工作而与本单位班子成员同名", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "王五", Relation: "兄弟姐妹", Unit: "U03", Post: "科员"}}
		}, "U01", nil},
		{"亲属未填单位而与班子成员同名", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "王五", Relation: "兄弟姐妹"}}
		}, "U01", []want{{R3, Hard, nil, "张三的兄弟姐妹 王五 任 安平镇 镇长（班子成员）"}}},
		{"同名同单位但身份证号不同", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "赵建国", Relation: "配偶", IDNumber: idZhao2}}
		}, "U02", nil},
		{"关系为其他不计", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "王五", Relation: "其他", Unit: "U01", Leader: true}}
		}, "U01", nil},
		{"亲属登记为单位班子成员", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "钱六", Relation: "子女", Unit: "U03", Post: "副局长", Leader: true}}
		}, "U03", []want{{R3, Hard, nil, "张三的子女 钱六 任 县审计局 副局长（班子成员）"}}},
		{"亲属在单位工作但非班子成员", func(p *snap.Person) {
			p.Relatives = []snap.Relative{{Name: "钱七", Relation: "兄弟姐妹", Unit: "U03", Post: "科员"}}
		}, "U03", []want{{R3b, Soft, nil, "张三的兄弟姐妹 钱七 在 县审计局 工作（科员，非班子成员）"}}},
		{"工作关系地同县", func(p *snap.Person) { p.HomeCounty = "C01" }, "U02",
			[]want{{R4, Hard, remoteRoles, "工作关系地为 安平县"}}},
		{"籍贯填县区编码", func(p *snap.Person) { p.Native = "C01" }, "U02",
			[]want{{R4b, Soft, nil, "籍贯为 C01（安平县）"}}},
		{"籍贯填县区名称", func(p *snap.Person) { p.Native = "安平县" }, "U03",
			[]want{{R4b, Soft, nil, "籍贯为 安平县，与被巡察单位同属一县"}}},
		{"籍贯写省市县全称", func(p *snap.Person) { p.Native = "河北省清江市安平县" }, "U03",
			[]want{{R4b, Soft, nil, "籍贯为 河北省清江市安平县（安平县）"}}},
		{"籍贯为外省县份", func(p *snap.Person) { p.Native = "湖南省宁乡县" }, "U03", nil},
		{"籍贯为他县", func(p *snap.Person) { p.Native = "平山县" }, "U03", nil},
		{"本人申报", func(p *snap.Person) {
			p.Declarations = []snap.Declaration{{Unit: "U03", Reason: "配偶在该局财务科任职"}}
		}, "U03", []want{{R5, Hard, nil, "本人申报与 县审计局 存在应回避情形：“配偶在该局财务科任职”"}}},
		{"多条规则按规则代码排列", func(p *snap.Person) {
			p.HomeCounty = "C01"
			p.CurrentUnit = "U0101"
			p.Relatives = []snap.Relative{{Name: "王五", Relation: "哥哥"}}
		}, "U01", []want{{R1, Hard, nil, "东村"}, {R3, Hard, nil, "王五"}, {R4, Hard, remoteRoles, "安平县"}}},
	}
	c := New(world(), Defaults())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkHits(t, c.Unit(person(tc.plant), tc.unit, ref), tc.expect)
		})
	}
}

func TestDepth(t *testing.T) {
	cases := []struct {
		name  string
		depth int
		cur   string
		unit  string
		hit   bool
	}{
		{"层级0：镇干部巡察村不回避", 0, "U01", "U0101", false},
		{"层级0：村干部巡察镇不回避", 0, "U0101", "U01", false},
		{"层级0：本单位仍回避", 0, "U01", "U01", true},
		{"层级1：镇干部巡察村回避", 1, "U01", "U0101", true},
		{"层级1：村干部之间不回避", 1, "U0101", "U0102", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := Defaults()
			set.Depth = tc.depth
			hits := New(world(), set).Unit(person(func(p *snap.Person) { p.CurrentUnit = tc.cur }), tc.unit, ref)
			if got := len(hits) > 0; got != tc.hit {
				t.Fatalf("hit = %v, want %v: %s", got, tc.hit, dump(hits))
			}
		})
	}
}

func TestBinds(t *testing.T) {
	cases := []struct {
		name  string
		roles []string
		role  string
		want  bool
	}{
		{"无角色限制约束成员", nil, "成员", true},
		{"地域回避约束组长", remoteRoles, "组长", true},
		{"地域回避不约束副组长", remoteRoles, "副组长", false},
		{"地域回避不约束专职工作人员", remoteRoles, "专职工作人员", false},
		{"长期任职约束副组长", longRoles, "副组长", true},
		{"长期任职不约束成员", longRoles, "成员", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Hit{Roles: tc.roles, Severity: Hard}).Binds(tc.role); got != tc.want {
				t.Fatalf("Binds(%s) = %v", tc.role, got)
			}
		})
	}
}

func TestSeveritySettings(t *testing.T) {
	p := person(func(p *snap.Person) { p.CurrentUnit = "U02"; p.HomeCounty = "C01" })
	cases := []struct {
		name   string
		sev    map[string]Severity
		remote []string
		expect []want
	}{
		{"默认", nil, remoteRoles, []want{{R1, Hard, nil, ""}, {R4, Hard, remoteRoles, ""}}},
		{"现任职改为提示", map[string]Severity{R1: Soft}, remoteRoles, []want{{R1, Soft, nil, ""}, {R4, Hard, remoteRoles, ""}}},
		{"地域回避关闭", map[string]Severity{R4: Off}, remoteRoles, []want{{R1, Hard, nil, ""}}},
		{"无须异地产生的角色", nil, nil, []want{{R1, Hard, nil, ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := Defaults()
			for k, v := range tc.sev {
				set.Severity[k] = v
			}
			set.RemoteRoles = tc.remote
			checkHits(t, New(world(), set).Unit(p, "U02", ref), tc.expect)
		})
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(s *Settings)
		ok   bool
	}{
		{"默认设置有效", func(s *Settings) {}, true},
		{"年限为0", func(s *Settings) { s.Years = 0 }, false},
		{"层级为负", func(s *Settings) { s.Depth = -1 }, false},
		{"未知角色", func(s *Settings) { s.RemoteRoles = []string{"顾问"} }, false},
		{"未知规则", func(s *Settings) { s.Severity["R10"] = Hard }, false},
		{"鉴定回避角色无效", func(s *Settings) { s.EvalRoles = []string{"顾问"} }, false},
		{"同学等社会关系级别无效", func(s *Settings) { s.LooseTieSeverity = "禁止" }, false},
		{"基本称职级别无效", func(s *Settings) { s.BarelyFitSeverity = "禁止" }, false},
		{"基本称职不适用有效", func(s *Settings) { s.BarelyFitSeverity = Off }, true},
		{"未知级别", func(s *Settings) { s.Severity[R1] = "禁止" }, false},
		{"规则关闭有效", func(s *Settings) { s.Severity[R7] = Off }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			tc.edit(&s)
			if err := s.Validate(); (err == nil) != tc.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
