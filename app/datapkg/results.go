package datapkg

// A round's results in a data package (SPEC §9): milestones, findings,
// rectification items and clues of the chosen counties' inspected units.
// Clue rows travel only when the exporting user has 线索管理 (the manifest
// says when they were left out) and are merged only for an importing user
// who has it; a package of an older program carries a unit's 整改报告收到日期
// on its team unit, which is read as that unit's 整改报告收到 milestone.

import (
	"fmt"

	"gorm.io/gorm"

	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Entity names of the results, after EntMember in merge order.
const (
	EntMilestone = "巡察节点"
	EntFinding   = "问题"
	EntItem      = "整改措施"
	EntClue      = "线索"
)

// Milestone is a 节点, keyed by round, team, unit and step.
type Milestone struct {
	Round    string `json:"round"`
	Team     string `json:"team,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	Recorder string `json:"recorder,omitempty"`
}

// Finding is a 问题.
type Finding struct {
	Code        string `json:"code"`
	Round       string `json:"round"`
	Team        string `json:"team"`
	Unit        string `json:"unit"`
	Category    string `json:"category"`
	Description string `json:"description"`
	FoundOn     string `json:"foundOn,omitempty"`
	OnTheSpot   bool   `json:"onTheSpot,omitempty"`
}

// Item is a 整改措施.
type Item struct {
	Code     string `json:"code"`
	Finding  string `json:"finding"`
	Measure  string `json:"measure"`
	Dept     string `json:"dept,omitempty"`
	Owner    string `json:"owner,omitempty"`
	Due      string `json:"due"`
	State    string `json:"state"`
	DoneOn   string `json:"doneOn,omitempty"`
	Review   string `json:"review,omitempty"`
	Reviewer string `json:"reviewer,omitempty"`
	ClosedOn string `json:"closedOn,omitempty"`
	Note     string `json:"note,omitempty"`
	Progress string `json:"progress,omitempty"`
}

// Clue is a 线索移交: metadata only.
type Clue struct {
	Code        string `json:"code"`
	Round       string `json:"round"`
	Team        string `json:"team"`
	Unit        string `json:"unit"`
	Category    string `json:"category"`
	Level       string `json:"level,omitempty"`
	Receiver    string `json:"receiver"`
	HandedOn    string `json:"handedOn"`
	FeedbackDue string `json:"feedbackDue,omitempty"`
	FeedbackOn  string `json:"feedbackOn,omitempty"`
	Outcome     string `json:"outcome,omitempty"`
	Opened      int    `json:"opened,omitempty"`
	Sanctioned  int    `json:"sanctioned,omitempty"`
	Judiciary   int    `json:"judiciary,omitempty"`
}

func (m Milestone) key() string { return m.Round + "/" + m.Team + "/" + m.Unit + "/" + m.Kind }

func fromMilestone(m model.Milestone) Milestone {
	return Milestone{m.RoundCode, m.Team, m.UnitCode, m.Kind, m.Date, m.Recorder}
}

func (m Milestone) model(id uint) model.Milestone {
	return model.Milestone{ID: id, RoundCode: m.Round, Team: m.Team, UnitCode: m.Unit, Kind: m.Kind, Date: m.Date, Recorder: m.Recorder}
}

func fromFinding(f model.Finding) Finding {
	return Finding{f.Code, f.RoundCode, f.Team, f.UnitCode, f.Category, f.Description, f.FoundOn, f.OnTheSpot}
}

func (f Finding) model() model.Finding {
	return model.Finding{Code: f.Code, RoundCode: f.Round, Team: f.Team, UnitCode: f.Unit, Category: f.Category,
		Description: f.Description, FoundOn: f.FoundOn, OnTheSpot: f.OnTheSpot}
}

func fromItem(i model.RectifyItem) Item {
	return Item{i.Code, i.FindingCode, i.Measure, i.Dept, i.Owner, i.Due, i.State, i.DoneOn, i.Review, i.Reviewer, i.ClosedOn, i.Note, i.Progress}
}

func (i Item) model() model.RectifyItem {
	return model.RectifyItem{Code: i.Code, FindingCode: i.Finding, Measure: i.Measure, Dept: i.Dept, Owner: i.Owner, Due: i.Due,
		State: i.State, DoneOn: i.DoneOn, Review: i.Review, Reviewer: i.Reviewer, ClosedOn: i.ClosedOn, Note: i.Note, Progress: i.Progress}
}

func fromClue(c model.Clue) Clue {
	return Clue{c.Code, c.RoundCode, c.Team, c.UnitCode, c.Category, c.Level, c.Receiver, c.HandedOn, c.FeedbackDue,
		c.FeedbackOn, c.Outcome, c.Opened, c.Sanctioned, c.Judiciary}
}

func (c Clue) model() model.Clue {
	return model.Clue{Code: c.Code, RoundCode: c.Round, Team: c.Team, UnitCode: c.Unit, Category: c.Category, Level: c.Level,
		Receiver: c.Receiver, HandedOn: c.HandedOn, FeedbackDue: c.FeedbackDue, FeedbackOn: c.FeedbackOn, Outcome: c.Outcome,
		Opened: c.Opened, Sanctioned: c.Sanctioned, Judiciary: c.Judiciary}
}

// loadResults adds the database's results to d, and the milestones' ids.
func loadResults(db *gorm.DB, d *Data, ids *rowIDs) error {
	res, err := model.LoadResults(db, true)
	if err != nil {
		return err
	}
	ids.milestones = make(map[string]uint, len(res.Milestones))
	for _, m := range res.Milestones {
		mm := fromMilestone(m)
		d.Milestones = append(d.Milestones, mm)
		ids.milestones[mm.key()] = m.ID
	}
	d.Findings = mapRows(res.Findings, fromFinding)
	d.Items = mapRows(res.Items, fromItem)
	d.Clues = mapRows(res.Clues, fromClue)
	return nil
}

// selectResults keeps of all the results of the teams d holds: their
// milestones (and the round-level ones of their rounds), the findings and
// clues of their units, and the items of those findings.
func selectResults(all, d *Data) {
	teams, rounds, units := map[teamKey]bool{}, set(nil), map[string]bool{}
	for _, t := range d.Teams {
		teams[teamKey{t.Round, t.Name}], rounds[t.Round] = true, true
	}
	for _, u := range d.TeamUnits {
		units[u.Round+"/"+u.Unit] = true
	}
	d.Milestones = filter(all.Milestones, func(m Milestone) bool {
		if m.Team == "" {
			return rounds[m.Round]
		}
		return teams[teamKey{m.Round, m.Team}] && (m.Unit == "" || units[m.Round+"/"+m.Unit])
	})
	findings := set(nil)
	d.Findings = filter(all.Findings, func(f Finding) bool {
		findings[f.Code] = units[f.Round+"/"+f.Unit] && teams[teamKey{f.Round, f.Team}]
		return findings[f.Code]
	})
	d.Items = filter(all.Items, func(i Item) bool { return findings[i.Finding] })
	d.Clues = filter(all.Clues, func(c Clue) bool { return units[c.Round+"/"+c.Unit] && teams[teamKey{c.Round, c.Team}] })
}

// upgradeReports turns the 整改报告收到日期 of an older package's team units
// into 整改报告收到 milestones of those units, unless the package has them.
func upgradeReports(d *Data) {
	have := map[string]bool{}
	for _, m := range d.Milestones {
		have[m.key()] = true
	}
	for i, u := range d.TeamUnits {
		if u.ReportReceived == "" {
			continue
		}
		m := Milestone{Round: u.Round, Team: u.Team, Unit: u.Unit, Kind: vocab.MsRectifyReport, Date: u.ReportReceived}
		if !have[m.key()] {
			d.Milestones = append(d.Milestones, m)
			have[m.key()] = true
		}
		d.TeamUnits[i].ReportReceived = ""
	}
}

// checkResultsScope refuses results of teams or units the package does not
// hold: an export of the declared counties holds none.
func checkResultsScope(d *Data, decl string) error {
	teams, units := map[teamKey]bool{}, map[string]bool{}
	for _, u := range d.TeamUnits {
		teams[teamKey{u.Round, u.Team}], units[u.Round+"/"+u.Unit] = true, true
	}
	rounds := set(nil)
	for _, r := range d.Rounds {
		rounds[r.Code] = true
	}
	for _, m := range d.Milestones {
		if (m.Team == "" && !rounds[m.Round]) || (m.Team != "" && !teams[teamKey{m.Round, m.Team}]) ||
			(m.Unit != "" && !units[m.Round+"/"+m.Unit]) {
			return outOfScope(decl, EntMilestone, m.key(), "巡察组或单位不在数据包中")
		}
	}
	for _, f := range d.Findings {
		if !units[f.Round+"/"+f.Unit] {
			return outOfScope(decl, EntFinding, f.Code, "被巡察单位不在数据包中")
		}
	}
	for _, c := range d.Clues {
		if !units[c.Round+"/"+c.Unit] {
			return outOfScope(decl, EntClue, c.Code, "被巡察单位不在数据包中")
		}
	}
	return nil
}

// validateResults checks the results rows.
func (v *validator) validateResults(d *Data) {
	seen := map[string]bool{}
	for _, m := range d.Milestones {
		k := m.key()
		v.ref(EntMilestone, k, "轮次", m.Round, v.rounds)
		v.oneOf(EntMilestone, k, "节点", m.Kind, vocab.Milestones, false)
		v.date(EntMilestone, k, "日期", m.Date, true)
		v.text(EntMilestone, k, "记录人", m.Recorder, false)
		v.unique(seen, EntMilestone, k)
	}
	findings := map[string]bool{}
	for _, f := range d.Findings {
		v.code(EntFinding, f.Code, "问题编号", f.Code)
		v.text(EntFinding, f.Code, "问题类别", f.Category, true)
		v.text(EntFinding, f.Code, "问题描述", f.Description, true)
		if col, msg := ledger.DescriptionProblem(f.Description); msg != "" {
			v.fail(EntFinding, f.Code, "%s：%s", col, msg)
		}
		v.date(EntFinding, f.Code, "发现日期", f.FoundOn, false)
		v.unique(findings, EntFinding, f.Code)
	}
	seen = map[string]bool{}
	for _, i := range d.Items {
		v.code(EntItem, i.Code, "整改编号", i.Code)
		if !findings[i.Finding] {
			v.fail(EntItem, i.Code, "问题 %s 不在数据包中", i.Finding)
		}
		v.text(EntItem, i.Code, "整改措施", i.Measure, true)
		for _, t := range []struct{ f, s string }{{"责任部门", i.Dept}, {"责任人", i.Owner}, {"审核人", i.Reviewer}} {
			v.text(EntItem, i.Code, t.f, t.s, false)
		}
		v.text(EntItem, i.Code, "备注", i.Note, false)
		v.text(EntItem, i.Code, "整改进展", i.Progress, false)
		v.date(EntItem, i.Code, "完成时限", i.Due, true)
		v.date(EntItem, i.Code, "完成日期", i.DoneOn, false)
		v.date(EntItem, i.Code, "销号日期", i.ClosedOn, false)
		v.oneOf(EntItem, i.Code, "状态", i.State, vocab.ItemStates, false)
		v.oneOf(EntItem, i.Code, "审核结果", i.Review, vocab.ReviewResults, true)
		if col, msg := ledger.ItemProblem(ledger.ItemFields{State: i.State, DoneOn: i.DoneOn, Review: i.Review, ClosedOn: i.ClosedOn}); msg != "" {
			v.fail(EntItem, i.Code, "%s：%s", col, msg)
		}
		v.unique(seen, EntItem, i.Code)
	}
	seen = map[string]bool{}
	for _, c := range d.Clues {
		v.code(EntClue, c.Code, "线索编号", c.Code)
		v.oneOf(EntClue, c.Code, "线索类别", c.Category, vocab.ClueCategories, false)
		v.oneOf(EntClue, c.Code, "涉及人员级别", c.Level, vocab.ClueLevels, true)
		v.oneOf(EntClue, c.Code, "移交对象", c.Receiver, vocab.ClueReceivers, false)
		v.oneOf(EntClue, c.Code, "处置结果", c.Outcome, vocab.ClueOutcomes, true)
		v.date(EntClue, c.Code, "移交日期", c.HandedOn, true)
		v.date(EntClue, c.Code, "反馈时限", c.FeedbackDue, false)
		v.date(EntClue, c.Code, "反馈日期", c.FeedbackOn, false)
		if col, msg := ledger.ClueProblem(c.HandedOn, c.FeedbackDue, c.FeedbackOn); msg != "" {
			v.fail(EntClue, c.Code, "%s：%s", col, msg)
		}
		if c.Opened < 0 || c.Sanctioned < 0 || c.Judiciary < 0 || c.Opened > 9999 || c.Sanctioned > 9999 || c.Judiciary > 9999 {
			v.fail(EntClue, c.Code, "人数无效")
		}
		v.unique(seen, EntClue, c.Code)
	}
}

// resultsPlan is what importing the results does, row by row.
type resultsPlan struct {
	milestones []step[Milestone]
	findings   []step[Finding]
	items      []step[Item]
	clues      []step[Clue]
}

// planResults classifies the package's results against the database's,
// once the teams and units are planned: a row of a team or unit left out
// is left out with it; a finding or clue whose code the database keeps
// for another unit is a conflict, and the items of a finding left out go
// with it. Clue rows are left out for an importer without 线索管理.
func (p *plan) planResults(pkg, local *Data, sc *scope, r Rights) {
	badTeams, badUnits := map[teamKey]string{}, map[string]string{}
	for _, s := range p.teams {
		if s.kind == conflict {
			badTeams[teamKey{s.row.Round, s.row.Name}] = s.reason
		}
	}
	for _, s := range p.teamUnits {
		if s.kind == conflict {
			badUnits[s.row.Round+"/"+s.row.Unit] = s.reason
		}
	}
	blocked := func(round, team, unit string) string {
		if team != "" && badTeams[teamKey{round, team}] != "" {
			return fmt.Sprintf("巡察组 %s 冲突", team)
		}
		if unit != "" && badUnits[round+"/"+unit] != "" {
			return fmt.Sprintf("单位 %s 冲突", unit)
		}
		return ""
	}
	p.results.milestones = children(pkg.Milestones, local.Milestones, Milestone.key, func(m Milestone) string {
		if m.Team == "" && sc.roundOutside[m.Round] {
			return sc.kept("轮次", m.Round) + "（本轮节点适用于各组）"
		}
		return blocked(m.Round, m.Team, m.Unit)
	})
	lf := index(local.Findings, func(f Finding) string { return f.Code })
	badFindings := map[string]bool{}
	p.results.findings = children(pkg.Findings, local.Findings, func(f Finding) string { return f.Code }, func(f Finding) string {
		why := blocked(f.Round, f.Team, f.Unit)
		if old, ok := lf[f.Code]; ok && why == "" && (old.Round != f.Round || old.Unit != f.Unit) {
			why = fmt.Sprintf("问题编号 %s 在本库是轮次 %s 单位 %s 的问题", f.Code, old.Round, old.Unit)
		}
		badFindings[f.Code] = why != ""
		return why
	})
	li := index(local.Items, func(i Item) string { return i.Code })
	p.results.items = children(pkg.Items, local.Items, func(i Item) string { return i.Code }, func(i Item) string {
		if badFindings[i.Finding] {
			return fmt.Sprintf("问题 %s 冲突", i.Finding)
		}
		old, ok := li[i.Code]
		if ok && old.Finding != i.Finding {
			return fmt.Sprintf("整改编号 %s 在本库属于问题 %s", i.Code, old.Finding)
		}
		if !r.Review && (old.Review != i.Review || old.Reviewer != i.Reviewer || old.ClosedOn != i.ClosedOn ||
			(i.State == vocab.ItemClosed && old.State != vocab.ItemClosed)) {
			return "审核和销号只能由管理员或领导办理：导入用户不能导入审核结果、审核人、销号日期的改动"
		}
		return ""
	})
	lc := index(local.Clues, func(c Clue) string { return c.Code })
	p.results.clues = children(pkg.Clues, local.Clues, func(c Clue) string { return c.Code }, func(c Clue) string {
		if !r.Clues {
			return "导入用户没有“线索管理”权限，线索未导入"
		}
		why := blocked(c.Round, c.Team, c.Unit)
		if old, ok := lc[c.Code]; ok && why == "" && (old.Round != c.Round || old.Unit != c.Unit) {
			why = fmt.Sprintf("线索编号 %s 在本库是轮次 %s 单位 %s 的线索", c.Code, old.Round, old.Unit)
		}
		return why
	})
}

// applyResults writes the results, after the teams and units.
func (p *plan) applyResults(tx *gorm.DB, ids *rowIDs) error {
	return firstErr(
		func() error {
			_, err := save(tx, p.results.milestones, func(m Milestone) model.Milestone { return m.model(ids.milestones[m.key()]) })
			return err
		},
		func() error { _, err := save(tx, p.results.findings, Finding.model); return err },
		func() error { _, err := save(tx, p.results.items, Item.model); return err },
		func() error { _, err := save(tx, p.results.clues, Clue.model); return err },
	)
}

// tallyResults adds the results to a report.
func (p *plan) tallyResults(r *Report) {
	tally(r, EntMilestone, p.results.milestones, Milestone.key)
	tally(r, EntFinding, p.results.findings, func(f Finding) string { return f.Code })
	tally(r, EntItem, p.results.items, func(i Item) string { return i.Code })
	tally(r, EntClue, p.results.clues, func(c Clue) string { return c.Code })
}

// resultsBefore adds the results the import overwrites to out.
func (p *plan) resultsBefore(put func(string, any, int)) {
	m, n := olds(p.results.milestones)
	put(EntMilestone, m, n)
	f, n := olds(p.results.findings)
	put(EntFinding, f, n)
	i, n := olds(p.results.items)
	put(EntItem, i, n)
	c, n := olds(p.results.clues)
	put(EntClue, c, n)
}
