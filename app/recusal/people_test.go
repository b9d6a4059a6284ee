package recusal

import (
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// ties returns a planted person with ties.
func tied(ts ...snap.Tie) *snap.Person {
	return person(func(p *snap.Person) { p.Ties = ts })
}

func day(s string) civil.Date { return civil.MustParse(s) }

// TestR8Ties plants ties against the world's leaders (孙立 and 王五 lead
// 安平镇 U01, 赵建国 leads 县财政局 U02) with 进驻开始 2026-03-01 and N = 3.
func TestR8Ties(t *testing.T) {
	cases := []struct {
		name   string
		p      *snap.Person
		unit   string
		expect []want
	}{
		{"曾上下级恰在进驻开始前3年结束", tied(snap.Tie{Name: "孙立", Relation: "曾上下级", End: day("2023-03-01")}), "U01",
			[]want{{R8, Hard, nil, "张三的社会关系 孙立（曾上下级，2023-03-01 结束，距进驻不足3年） 任 安平镇 党委书记（班子成员）"}}},
		{"曾上下级早一天结束不回避", tied(snap.Tie{Name: "孙立", Relation: "曾上下级", End: day("2023-02-28")}), "U01", nil},
		{"曾同班子未填结束日期", tied(snap.Tie{Name: "王五", Relation: "曾同班子"}), "U01",
			[]want{{R8, Hard, nil, "王五（曾同班子，关系延续至今） 任 安平镇 镇长（班子成员）"}}},
		{"同学只提示，多年以前也提示", tied(snap.Tie{Name: "孙立", Relation: "同学", End: day("1990-07-01")}), "U01",
			[]want{{R8, Soft, nil, "孙立（同学） 任 安平镇 党委书记"}}},
		{"师生只提示", tied(snap.Tie{Name: "赵建国", Relation: "师生"}), "U02", []want{{R8, Soft, nil, "赵建国（师生）"}}},
		{"其他利害关系只提示", tied(snap.Tie{Name: "赵建国", Relation: "其他利害关系"}), "U02", []want{{R8, Soft, nil, "其他利害关系"}}},
		{"只看被巡察单位本身，不看下级单位", tied(snap.Tie{Name: "孙立", Relation: "曾上下级"}), "U0101", nil},
		{"只看被巡察单位本身，不看上级单位", tied(snap.Tie{Name: "钱八", Relation: "曾上下级", Unit: "U0101", Leader: true}), "U01", nil},
		{"按身份证号认出班子成员", tied(snap.Tie{Name: "孙力", Relation: "曾上下级", IDNumber: idSun}), "U01",
			[]want{{R8, Hard, nil, "孙力（曾上下级，关系延续至今）（身份证号与班子成员 孙立 相同）"}}},
		{"身份证号不同的同名者不是班子成员", tied(snap.Tie{Name: "赵建国", Relation: "曾上下级", IDNumber: idZhao2}), "U02", nil},
		{"关系人在他单位任职而与班子成员同名", tied(snap.Tie{Name: "王五", Relation: "曾同班子", Unit: "U03"}), "U01", nil},
		{"行中写明单位且是班子成员", tied(snap.Tie{Name: "钱六", Relation: "曾同班子", Unit: "U03", Post: "副局长", Leader: true}), "U03",
			[]want{{R8, Hard, nil, "钱六（曾同班子，关系延续至今） 任 县审计局 副局长（班子成员）"}}},
		{"行中写明单位但不是班子成员", tied(snap.Tie{Name: "钱六", Relation: "曾同班子", Unit: "U03", Post: "科员"}), "U03", nil},
		{"近的曾上下级与同学各成一条", tied(snap.Tie{Name: "孙立", Relation: "曾上下级"}, snap.Tie{Name: "王五", Relation: "同学"}), "U01",
			[]want{{R8, Hard, nil, "孙立"}, {R8, Soft, nil, "王五（同学）"}}},
	}
	c := New(world(), Defaults())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkHits(t, c.Unit(tc.p, tc.unit, ref), tc.expect)
		})
	}
}

func TestR8Settings(t *testing.T) {
	p := tied(snap.Tie{Name: "孙立", Relation: "曾上下级", End: day("2022-06-30")}, snap.Tie{Name: "王五", Relation: "同学"})
	cases := []struct {
		name   string
		edit   func(s *Settings)
		expect []want
	}{
		{"默认：2022-06 结束已逾3年，只剩同学", func(s *Settings) {}, []want{{R8, Soft, nil, "王五"}}},
		{"年限改为5年（与R2同一设置）", func(s *Settings) { s.Years = 5 }, []want{{R8, Hard, nil, "距进驻不足5年"}, {R8, Soft, nil, "王五"}}},
		{"同学等改为不适用", func(s *Settings) { s.Years = 5; s.LooseTieSeverity = Off }, []want{{R8, Hard, nil, "孙立"}}},
		{"社会关系改为提示", func(s *Settings) { s.Years = 5; s.Severity[R8] = Soft }, []want{{R8, Soft, nil, "孙立"}, {R8, Soft, nil, "王五"}}},
		{"R8 关闭只关近的关系", func(s *Settings) { s.Years = 5; s.Severity[R8] = Off }, []want{{R8, Soft, nil, "王五"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := Defaults()
			tc.edit(&set)
			checkHits(t, New(world(), set).Unit(p, "U01", ref), tc.expect)
		})
	}
}

// gradedWorld is the planted world with P9 张三 graded in earlier rounds
// and a round 2026-1 (进驻 2026-03-01) to check.
func gradedWorld(members map[string][]snap.Member) *snap.Snapshot {
	s := world()
	s.People = []snap.Person{*person(nil)}
	s.Rounds = []snap.Round{
		{Code: "2025-1", Name: "2025年第一轮", Number: 1, OnsiteStart: day("2025-03-01"),
			Teams: []snap.Team{{Name: "第一组", Seq: 1, Members: members["2025-1"]}}},
		{Code: "2025-2", Name: "2025年第二轮", Number: 2, OnsiteStart: day("2025-09-01"),
			Teams: []snap.Team{{Name: "第二组", Seq: 2, Members: members["2025-2"]},
				{Name: "第三组", Seq: 3, OnsiteStart: day("2026-03-05"), Members: members["2025-2晚"]}}},
		{Code: "2026-1", Name: "2026年第一轮", Number: 3, OnsiteStart: ref,
			Teams: []snap.Team{{Name: "第一巡察组", Seq: 1, County: "C01", Units: []snap.TeamUnit{{Unit: "U03"}}, Members: members["2026-1"]}}},
	}
	s.Index()
	return s
}

func graded(g, state string) []snap.Member {
	return []snap.Member{{Person: "P9", Role: "成员", Evaluation: g, EvalState: state}}
}

func TestR9Evaluations(t *testing.T) {
	cases := []struct {
		name    string
		members map[string][]snap.Member
		expect  []want
	}{
		{"最近确定的不称职：组长副组长回避", map[string][]snap.Member{"2025-2": graded("不称职", "确定")},
			[]want{{R9, Hard, longRoles, "最近一次确定的鉴定为 不称职（2025年第二轮 第二组，进驻 2025-09-01）：不得担任组长、副组长"}}},
		{"基本称职：组长副组长提示", map[string][]snap.Member{"2025-2": graded("基本称职", "确定")},
			[]want{{R9, Soft, longRoles, "基本称职"}}},
		{"最近的鉴定为准：不称职之后称职", map[string][]snap.Member{"2025-1": graded("不称职", "确定"), "2025-2": graded("称职", "确定")}, nil},
		{"最近的鉴定为准：称职之后不称职", map[string][]snap.Member{"2025-1": graded("称职", "确定"), "2025-2": graded("不称职", "确定")},
			[]want{{R9, Hard, longRoles, "2025年第二轮"}}},
		{"拟定的不称职不算", map[string][]snap.Member{"2025-2": graded("不称职", "拟定")}, nil},
		{"拟定的称职不盖过确定的不称职", map[string][]snap.Member{"2025-1": graded("不称职", "确定"), "2025-2": graded("称职", "拟定")},
			[]want{{R9, Hard, longRoles, "2025年第一轮 第一组"}}},
		{"进驻开始之后的不称职不算", map[string][]snap.Member{"2025-1": graded("称职", "确定"), "2025-2晚": graded("不称职", "确定")}, nil},
		{"本轮自己的鉴定不算", map[string][]snap.Member{"2026-1": graded("不称职", "确定")}, nil},
		{"没有鉴定", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := gradedWorld(tc.members)
			c := New(s, Defaults())
			r := &s.Rounds[2]
			got := c.Team(&s.People[0], r, &r.Teams[0])
			checkHits(t, got, tc.expect)
			for _, h := range got {
				if h.Unit != "" || h.Team != "第一巡察组" {
					t.Errorf("R9 hit names unit %q team %q", h.Unit, h.Team)
				}
			}
			// the round check finds the same
			var round []Hit
			for _, h := range c.Round(r) {
				if h.Rule == R9 {
					round = append(round, h)
				}
			}
			checkHits(t, round, tc.expect)
		})
	}
}

func TestR9Settings(t *testing.T) {
	members := map[string][]snap.Member{"2025-2": graded("不称职", "确定")}
	cases := []struct {
		name   string
		edit   func(s *Settings)
		expect []want
	}{
		{"只约束组长", func(s *Settings) { s.EvalRoles = []string{"组长"} }, []want{{R9, Hard, []string{"组长"}, "不得担任组长"}}},
		{"改为提示", func(s *Settings) { s.Severity[R9] = Soft }, []want{{R9, Soft, longRoles, "担任组长、副组长时予以提示"}}},
		{"关闭", func(s *Settings) { s.Severity[R9] = Off }, nil},
		{"不约束任何角色即不适用", func(s *Settings) { s.EvalRoles = nil }, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := gradedWorld(members)
			set := Defaults()
			tc.edit(&set)
			r := &s.Rounds[2]
			checkHits(t, New(s, set).Team(&s.People[0], r, &r.Teams[0]), tc.expect)
		})
	}
}

// TestR9Binds: the hit keeps a 组长 off and lets a 成员 on.
func TestR9Binds(t *testing.T) {
	s := gradedWorld(map[string][]snap.Member{"2025-2": graded("不称职", "确定")})
	r := &s.Rounds[2]
	h := New(s, Defaults()).Team(&s.People[0], r, &r.Teams[0])[0]
	if !h.Blocks("组长") || !h.Blocks("副组长") || h.Blocks("成员") || h.Blocks("联络员") {
		t.Fatalf("R9 binds %v", h.Roles)
	}
}

// TestR5Handling: a declaration a 领导 marked 不予回避 gives no hit at all;
// one with an empty 处理 binds; another source is named.
func TestR5Handling(t *testing.T) {
	cases := []struct {
		name   string
		decl   snap.Declaration
		expect []want
	}{
		{"处理为空即回避", snap.Declaration{Unit: "U03", Reason: "配偶在该局任职"}, []want{{R5, Hard, nil, "本人申报与 县审计局"}}},
		{"不予回避不再回避", snap.Declaration{Unit: "U03", Reason: "配偶在该局任职", Handling: "不予回避"}, nil},
		{"被巡察单位提出", snap.Declaration{Unit: "U03", Reason: "曾有业务纠纷", Source: "被巡察单位提出"},
			[]want{{R5, Hard, nil, "被巡察单位提出：与 县审计局 存在应回避情形：“曾有业务纠纷”"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := world()
			s.People = []snap.Person{*person(func(p *snap.Person) { p.Declarations = []snap.Declaration{tc.decl} })}
			s.Rounds = []snap.Round{{Code: "R", Name: "轮", Mode: "本县", OnsiteStart: ref,
				Teams: []snap.Team{{Name: "组", Seq: 1, County: "C01", Units: []snap.TeamUnit{{Unit: "U03"}}}}}}
			s.Index()
			c := New(s, Defaults())
			checkHits(t, c.Unit(&s.People[0], "U03", ref), tc.expect)
			checkHits(t, c.Round(&s.Rounds[0]), tc.expect)
		})
	}
}
