package calendar

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
)

// SettingsKey is the key under which Settings are stored in the settings table.
const SettingsKey = "calendar"

// Stage is one stage of a round, in the order they follow each other.
type Stage int

// The stages of a round.
const (
	StagePrep     Stage = iota // 准备
	StageOnsite                // 进驻
	StageReport                // 报告
	StageFeedback              // 反馈
	StageRectify               // 整改
	StageCheck                 // 督查验收
)

// Stages lists the stages in order.
var Stages = []Stage{StagePrep, StageOnsite, StageReport, StageFeedback, StageRectify, StageCheck}

var stageNames = [...]string{"准备", "进驻", "报告", "反馈", "整改", "督查验收"}

// String returns the stage's Chinese name.
func (s Stage) String() string {
	if s < 0 || int(s) >= len(stageNames) {
		return fmt.Sprintf("阶段%d", int(s))
	}
	return stageNames[s]
}

// Settings are the calendar's parameters (stored as JSON under SettingsKey).
//
// Lengths count calendar days, not working days: the rules speak of "进驻
// 一般30天" and "反馈后2个月内报送整改报告" in calendar terms, and a stage that
// straddles a holiday does not grow. NonWorkingDays only keep the dates
// that Fill computes off holidays: a computed stage end that falls on one
// moves to the next working day (the preparation start to the working day
// before). Weekends are not implied: 调休 makes some Saturdays working days,
// so the clerk lists the days that count.
type Settings struct {
	PrepDays       int          `json:"prep_days"`     // 准备: days before 进驻开始
	OnsiteDays     int          `json:"onsite_days"`   // 进驻: 进驻开始 to 进驻结束, both included
	ReportDays     int          `json:"report_days"`   // 报告: days after 进驻结束 to the report's end
	FeedbackDays   int          `json:"feedback_days"` // 反馈: days after the report to the feedback
	RectifyDays    int          `json:"rectify_days"`  // 整改: days after the feedback the unit reports by
	CheckDays      int          `json:"check_days"`    // 督查验收: days after the rectification report
	NonWorkingDays []civil.Date `json:"non_working_days,omitempty"`

	// CoverageKinds are the 巡察类型 whose rounds count toward coverage
	// (SPEC §8.1; default 常规, 专项, 机动). RepeatKinds are those whose
	// repeats are flagged: a unit inspected in two rounds of a term is
	// flagged only when both rounds count toward coverage and both are of
	// these kinds (default 常规), so that a 回头看 or a 专项 after a 常规
	// is not. A round without a 巡察类型 reads 常规.
	CoverageKinds []string `json:"coverage_kinds"`
	RepeatKinds   []string `json:"repeat_kinds"`
	// Sectors are the 领域 the unit form offers (SPEC §8.2), in the order
	// the coverage per 领域 lists them; units may hold other words too.
	Sectors []string `json:"sectors"`
}

// Defaults returns the stage lengths of common practice: 准备 14, 进驻 30,
// 报告 30, 反馈 15, 整改 60 (two months after the feedback), 督查验收 90.
func Defaults() Settings {
	return Settings{PrepDays: 14, OnsiteDays: 30, ReportDays: 30, FeedbackDays: 15, RectifyDays: 60, CheckDays: 90,
		CoverageKinds: []string{vocab.KindRegular, vocab.KindSpecial, vocab.KindMobile},
		RepeatKinds:   []string{vocab.KindRegular},
		Sectors:       DefaultSectors()}
}

// DefaultSectors is the list of 领域 the unit form offers until the office
// sets its own: the fields, systems and trades 板块轮动 usually goes by.
func DefaultSectors() []string {
	return []string{"教育", "卫生健康", "水利", "交通运输", "住房城建", "自然资源", "财政金融", "农业农村", "乡村振兴",
		"基层治理", "民生保障", "经济发展", "文化旅游", "政法应急", "国资国企", "群团"}
}

// Covers reports whether rounds of 巡察类型 kind count toward coverage.
func (s Settings) Covers(kind string) bool { return slices.Contains(s.CoverageKinds, kindOf(kind)) }

// Repeats reports whether a repeat between rounds of 巡察类型 kind is
// flagged: they count toward coverage and are of RepeatKinds.
func (s Settings) Repeats(kind string) bool {
	return s.Covers(kind) && slices.Contains(s.RepeatKinds, kindOf(kind))
}

// kindOf reads a round's 巡察类型: none is 常规, and so is an 组织方式
// word stored there before Part II (the schema's step 4 and the imports
// move those; this only guards against a file written otherwise).
func kindOf(kind string) string {
	if _, old := vocab.LevelOfKindWord(kind); kind == "" || old {
		return vocab.KindRegular
	}
	return kind
}

// Days returns the default length of stage st in days.
func (s Settings) Days(st Stage) int {
	switch st {
	case StagePrep:
		return s.PrepDays
	case StageOnsite:
		return s.OnsiteDays
	case StageReport:
		return s.ReportDays
	case StageFeedback:
		return s.FeedbackDays
	case StageRectify:
		return s.RectifyDays
	case StageCheck:
		return s.CheckDays
	}
	return 0
}

// Validate reports the first unusable value, in Chinese.
func (s Settings) Validate() error {
	for _, st := range Stages {
		d := s.Days(st)
		if d < 0 || d > 3650 {
			return fmt.Errorf("%s阶段天数 %d 不在 0 至 3650 之间", st, d)
		}
	}
	if s.OnsiteDays < 1 {
		return fmt.Errorf("进驻阶段至少 1 天")
	}
	for _, d := range s.NonWorkingDays {
		if d.IsZero() {
			return fmt.Errorf("非工作日列表中有空日期")
		}
	}
	for i, x := range s.Sectors {
		if w, err := fieldrule.Sectors(x); err != nil || w != x || len(fieldrule.SplitSectors(x)) != 1 {
			return fmt.Errorf("领域列表第%d项“%s”无效（不能为空，不能含分隔符 、，；）", i+1, x)
		}
		if slices.Contains(s.Sectors[:i], x) {
			return fmt.Errorf("领域列表中“%s”重复", x)
		}
	}
	if len(s.CoverageKinds) == 0 {
		return fmt.Errorf("计入覆盖的巡察类型至少选一种")
	}
	for _, k := range append(slices.Clone(s.CoverageKinds), s.RepeatKinds...) {
		if !slices.Contains(vocab.RoundKinds, k) {
			return fmt.Errorf("巡察类型 %q 不存在（应为 %s）", k, strings.Join(vocab.RoundKinds, "、"))
		}
	}
	return nil
}

// Normalized returns s with its non-working days sorted and without
// repeats, and the kinds of coverage and repeats at their defaults where
// they were never set (nil; an empty list set on purpose stays empty).
func (s Settings) Normalized() Settings {
	if s.CoverageKinds == nil {
		s.CoverageKinds = Defaults().CoverageKinds
	}
	if s.RepeatKinds == nil {
		s.RepeatKinds = Defaults().RepeatKinds
	}
	ds := append([]civil.Date(nil), s.NonWorkingDays...)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	out := ds[:0]
	for i, d := range ds {
		if i == 0 || d != ds[i-1] {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	s.NonWorkingDays = out
	return s
}

// NonWorking reports whether d is listed as a non-working day.
func (s Settings) NonWorking(d civil.Date) bool {
	for _, x := range s.NonWorkingDays {
		if x == d {
			return true
		}
	}
	return false
}

// nextWorking returns d, or the first listed working day after it.
func (s Settings) nextWorking(d civil.Date) civil.Date {
	for i := 0; i < 366 && s.NonWorking(d); i++ {
		d = d.AddDays(1)
	}
	return d
}

// prevWorking returns d, or the last working day before it.
func (s Settings) prevWorking(d civil.Date) civil.Date {
	for i := 0; i < 366 && s.NonWorking(d); i++ {
		d = d.AddDays(-1)
	}
	return d
}

// Dates are a round's stage dates as they are stored (zero: not set).
type Dates struct {
	PrepStart    civil.Date // 准备开始
	OnsiteStart  civil.Date // 进驻开始
	OnsiteEnd    civil.Date // 进驻结束
	ReportEnd    civil.Date // 报告 ends
	FeedbackDate civil.Date // 反馈
	RectifyDue   civil.Date // 整改报告期限
	CheckDate    civil.Date // 督查验收
}

// Fill returns the stage dates of a round whose on-site stage starts on
// onsiteStart, all from the default lengths: 进驻结束 = start + OnsiteDays − 1,
// then each stage end is the previous one plus its length, each moved off
// non-working days (see Settings). A form calls it to propose dates the
// clerk then edits.
func (s Settings) Fill(onsiteStart civil.Date) Dates {
	return s.Complete(Dates{OnsiteStart: onsiteStart})
}

// Complete fills the dates of d that are not set from the default lengths,
// starting from the dates that are; set dates are kept as they are. With no
// on-site start nothing can be derived and d is returned unchanged.
func (s Settings) Complete(d Dates) Dates {
	if d.OnsiteStart.IsZero() {
		return d
	}
	if d.PrepStart.IsZero() {
		d.PrepStart = s.prevWorking(d.OnsiteStart.AddDays(-s.PrepDays))
	}
	next := func(have, from civil.Date, days int) civil.Date {
		if !have.IsZero() {
			return have
		}
		return s.nextWorking(from.AddDays(days))
	}
	d.OnsiteEnd = next(d.OnsiteEnd, d.OnsiteStart, s.OnsiteDays-1)
	d.ReportEnd = next(d.ReportEnd, d.OnsiteEnd, s.ReportDays)
	d.FeedbackDate = next(d.FeedbackDate, d.ReportEnd, s.FeedbackDays)
	d.RectifyDue = next(d.RectifyDue, d.FeedbackDate, s.RectifyDays)
	d.CheckDate = next(d.CheckDate, d.RectifyDue, s.CheckDays)
	return d
}
