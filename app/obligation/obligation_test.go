package obligation

import (
	"testing"

	"xuncha/app/civil"
)

func d(s string) civil.Date { return civil.MustParse(s) }

func ds(ss ...string) []civil.Date {
	var out []civil.Date
	for _, s := range ss {
		out = append(out, d(s))
	}
	return out
}

func TestOwes(t *testing.T) {
	ref := d("2026-06-01")
	deputy := Rule{Ranks: []string{"副科级"}, Rounds: 1, Years: 2}
	cases := []struct {
		name     string
		rule     Rule
		rank     string
		promoted string
		served   []civil.Date
		owed     int
		by       string
		ref      string // "" for 2026-06-01
	}{
		{"提拔一年、未参加", Default(), "副科级", "2025-06-01", nil, 1, "2027-06-01", ""},
		{"恰在两年前提拔：仍在期限内", Default(), "副科级", "2024-06-01", nil, 1, "2026-06-01", ""},
		{"两年前再早一天：已过期限", Default(), "副科级", "2024-05-31", nil, 0, "", ""},
		{"统计日当天提拔", Default(), "", "2026-06-01", nil, 1, "2028-06-01", ""},
		{"统计日后提拔", Default(), "", "2026-06-02", nil, 0, "", ""},
		{"没有新提拔日期", Default(), "副科级", "", nil, 0, "", ""},
		{"提拔当天进驻的一轮算已参加", Default(), "", "2025-06-01", ds("2025-06-01"), 0, "", ""},
		{"提拔前一天进驻的一轮不算", Default(), "", "2025-06-01", ds("2025-05-31"), 1, "2027-06-01", ""},
		{"统计日当天进驻的一轮尚不算", Default(), "", "2025-06-01", ds("2026-06-01"), 1, "2027-06-01", ""},
		{"须参加两轮、已参加一轮", Rule{Rounds: 2, Years: 2}, "", "2025-06-01", ds("2025-09-08"), 1, "2027-06-01", ""},
		{"须参加两轮、已参加两轮", Rule{Rounds: 2, Years: 2}, "", "2025-06-01", ds("2025-09-08", "2026-04-07"), 0, "", ""},
		{"设置为三轮按两轮计", Rule{Rounds: 3, Years: 2}, "", "2025-06-01", nil, 2, "2027-06-01", ""},
		{"职级不在设置之列", deputy, "正科级", "2025-06-01", nil, 0, "", ""},
		{"职级在设置之列（两侧空格）", deputy, " 副科级 ", "2025-06-01", nil, 1, "2027-06-01", ""},
		{"期限三年", Rule{Rounds: 1, Years: 3}, "", "2023-06-01", nil, 1, "2026-06-01", ""},
		{"未设置的字段取默认", Rule{}, "", "2025-06-01", nil, 1, "2027-06-01", ""},
		{"2月29日提拔：期限到两年后的3月1日", Default(), "", "2024-02-29", nil, 1, "2026-03-01", "2026-02-28"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var promoted civil.Date
			if c.promoted != "" {
				promoted = d(c.promoted)
			}
			at := ref
			if c.ref != "" {
				at = d(c.ref)
			}
			owed, by := c.rule.Owes(c.rank, promoted, c.served, at)
			if owed != c.owed || by.String() != c.by {
				t.Errorf("Owes = %d, %s; want %d, %s", owed, by, c.owed, c.by)
			}
		})
	}
}

func TestNewlyPromoted(t *testing.T) {
	start := d("2026-03-01")
	cases := []struct {
		name     string
		promoted string
		served   []civil.Date
		want     bool
	}{
		{"两年内提拔、未参加", "2025-03-01", nil, true},
		{"恰两年前", "2024-03-01", nil, true},
		{"两年前再早一天", "2024-02-29", nil, false},
		{"进驻开始后提拔", "2026-03-02", nil, false},
		{"提拔后已参加一轮", "2025-03-01", ds("2025-09-08"), false},
		{"提拔前参加的不算", "2025-03-01", ds("2024-09-08"), true},
		{"本轮自己不算已参加", "2025-03-01", ds("2026-03-01"), true},
		{"没有新提拔日期", "", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var promoted civil.Date
			if c.promoted != "" {
				promoted = d(c.promoted)
			}
			if got := NewlyPromoted(promoted, c.served, start); got != c.want {
				t.Errorf("NewlyPromoted = %v, want %v", got, c.want)
			}
		})
	}
}

func TestRuleNormalized(t *testing.T) {
	r := Rule{Ranks: []string{" 副科级", "", "副科级", "一级主任科员"}, Rounds: 0, Years: -1}.Normalized()
	if len(r.Ranks) != 2 || r.Ranks[0] != "一级主任科员" || r.Ranks[1] != "副科级" || r.Rounds != 1 || r.Years != 2 {
		t.Errorf("Normalized = %+v", r)
	}
}
