package audit

import (
	"strings"
	"testing"
)

func TestChangeSummary(t *testing.T) {
	cases := []struct {
		name, before, after, want string
	}{
		{"修改一个字段", `{"Code":"P001","Post":"科长"}`, `{"Code":"P001","Post":"处长"}`, "Post：科长→处长"},
		{"嵌套字段", `{"Person":{"Name":"张三","Skills":""}}`, `{"Person":{"Name":"张三","Skills":"财务"}}`, "Person.Skills：（空）→财务"},
		{"新增对象", ``, `{"角色":"经办人"}`, "新：角色=经办人"},
		{"删除对象", `{"角色":"领导"}`, ``, "原：角色=领导"},
		{"纯文本", `2026-03-01`, `2026-04-01`, "2026-03-01 → 2026-04-01"},
		{"只有修改后", ``, `2026-04-01`, "2026-04-01"},
		{"无变化", `{"a":1}`, `{"a":1}`, "无变化"},
		{"字段消失", `{"a":1,"b":true}`, `{"a":1}`, "b：是→（无）"},
		{"都为空", ``, ``, ""},
		{"数组按项数", `{"单位":["U1"]}`, `{"单位":["U1","U2"]}`, "单位：1 项→2 项"},
		{"前后不是同一对象", `{"人员":[{"code":"P1"}]}`, `{"县区":["C02"],"冲突":null}`, "原：人员=1 项；新：县区=1 项"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ChangeSummary(c.before, c.after); got != c.want {
				t.Errorf("ChangeSummary(%q, %q) = %q, want %q", c.before, c.after, got, c.want)
			}
		})
	}
	long := ChangeSummary("", strings.Repeat("长", 500))
	if n := len([]rune(long)); n != summaryLimit || !strings.HasSuffix(long, "…") {
		t.Errorf("long text: %d characters", n)
	}
}
