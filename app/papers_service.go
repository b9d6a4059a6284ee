package app

// The documents of a round (文书, SPEC §12.1) as the service offers them:
// their settings (the office and the templates), the documents of a round
// one by one (streamed: each is built, written and let go before the
// next), written as loose files or as one zip, and the reports upward.

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/outfile"
	"xuncha/app/papers"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// PaperSettings reads the documents' settings (defaults when never saved).
func (s *Service) PaperSettings() (papers.Settings, error) {
	var set papers.Settings
	if err := s.LoadSetting(papers.SettingsKey, &set); err != nil {
		return papers.Settings{}, err
	}
	return set, nil
}

// SavePaperSettings checks and stores the documents' settings: a template
// equal to the default is stored as the default (so that a later program
// with better wording brings it); an unknown placeholder or a misplaced
// table placeholder refuses the whole, naming each. The notes say what a
// template leaves out.
func (s *Service) SavePaperSettings(set papers.Settings) (notes []string, err error) {
	problems, notes := set.Check()
	if len(problems) > 0 {
		return notes, errors.New("文书设置有误，未保存：\n" + strings.Join(problems, "\n"))
	}
	kept := map[string]papers.Template{}
	for k, t := range set.Templates {
		if set.Changed(k) {
			kept[k] = t
		}
	}
	set.Templates = kept
	if len(kept) == 0 {
		set.Templates = nil
	}
	return notes, s.SaveSetting(papers.SettingsKey, set)
}

// PaperRequest names the documents of a round to make: every kind of the
// round (Kind "") or one, narrowed to a team, a unit or a member when
// given. Today is the day of a 督办通知 (what is overdue) and of the
// figures of a 综合情况; County narrows a 综合情况 to a jurisdiction's units.
type PaperRequest struct {
	Round              string
	Kind               papers.Kind
	Team, Unit, Person string
	County             string
	Today              civil.Date
}

// PaperFormats are the files written for each document.
type PaperFormats struct{ Docx, PDF bool }

// ErrNoPapers is said when a request names no document.
var ErrNoPapers = errors.New("没有符合条件的文书")

// msgCluesRight refuses the 移交函 to a user who may not see clue rows.
const msgCluesRight = "问题线索移交函列出线索编号，需要线索管理权限"

// paperRound is what the documents of a round are made from.
type paperRound struct {
	snap  *snap.Snapshot
	round *snap.Round
	doc   papers.Round
	b     *papers.Builder
}

// loadPaperRound reads round code for documents of kind (every kind when
// ""): the 告知书 need the recusal check of the saved roster.
func (s *Service) loadPaperRound(code string, kind papers.Kind) (*paperRound, map[string]Notice, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, nil, err
	}
	var (
		sn      *snap.Snapshot
		r       *snap.Round
		notices map[string]Notice
	)
	if kind == "" || kind == papers.KindInform {
		c, csn, cr, err := s.roundChecker(code)
		if err != nil {
			return nil, nil, err
		}
		ns, err := s.noticesOf(c, csn, cr)
		if err != nil {
			return nil, nil, err
		}
		notices = make(map[string]Notice, len(ns))
		for _, n := range ns {
			notices[n.Team+"/"+n.Person] = n
		}
		sn, r = csn, cr
	} else {
		var err error
		if sn, err = s.Snapshot(); err != nil {
			return nil, nil, err
		}
		if r = sn.Round(code); r == nil {
			return nil, nil, fmt.Errorf("轮次 %s %w", code, ErrNotFound)
		}
	}
	set, err := s.PaperSettings()
	if err != nil {
		return nil, nil, err
	}
	lset, err := s.LedgerSettings()
	if err != nil {
		return nil, nil, err
	}
	termName := ""
	for _, t := range sn.Terms {
		if t.Code == r.Term {
			termName = t.Name
		}
	}
	pr := &paperRound{snap: sn, round: r, b: papers.NewBuilder(set, termName, lset.Categories)}
	pr.doc = papers.Round{Code: r.Code, Name: r.Name, TermName: termName, Type: r.Type, Level: r.Level, Mode: r.Mode, Number: r.Number,
		PrepStart: r.PrepStart, OnsiteStart: r.OnsiteStart, OnsiteEnd: r.OnsiteEnd}
	for _, t := range sortedRoundTeams(r) {
		pt := papers.Team{Name: t.Name, CountyName: sn.CountyName(t.County), Start: r.Start(t), End: r.End(t)}
		for _, u := range t.UnitCodes() {
			pt.Units = append(pt.Units, papers.Unit{Code: u, Name: sn.UnitName(u)})
		}
		for _, m := range t.Members {
			p := sn.Person(m.Person)
			if p == nil {
				continue
			}
			pm := papers.Member{Person: p.Code, Name: p.Name, Gender: p.Gender, Role: m.Role, Post: p.Post, Rank: p.Rank,
				Birth: p.Birth, Grade: m.Evaluation, Comment: m.Comment, State: m.EvalState}
			if p.CurrentUnit != "" {
				pm.Unit = sn.UnitName(p.CurrentUnit)
			}
			if n, ok := notices[t.Name+"/"+p.Code]; ok {
				for _, h := range n.Hints {
					unit := ""
					if h.Unit != "" {
						unit = sn.UnitName(h.Unit)
					}
					pm.Hints = append(pm.Hints, papers.Hint{Rule: h.Rule, RuleName: h.RuleName, Unit: unit, Reason: h.Reason, Overridden: h.Overridden})
				}
				for _, d := range n.Declarations {
					pm.Declarations = append(pm.Declarations, papers.Declaration{Unit: sn.UnitName(d.UnitCode), Reason: d.Reason,
						Source: d.Source, Handling: d.Handling})
				}
			}
			pt.Members = append(pt.Members, pm)
		}
		pr.doc.Teams = append(pr.doc.Teams, pt)
	}
	return pr, notices, nil
}

// team returns the document team of the round by name.
func (pr *paperRound) team(name string) *papers.Team {
	for i := range pr.doc.Teams {
		if pr.doc.Teams[i].Name == name {
			return &pr.doc.Teams[i]
		}
	}
	return nil
}

// EachPaper makes the documents req names, in the order of a round's life
// (公告, 通知, 告知书, 反馈意见, 整改通知书, 移交函, 鉴定表, 督办通知) and
// within a kind by team, member or unit, and hands each to each; it stops
// at each's first error. A 移交函 needs 线索管理 (it names clues) and is
// left out of a whole round's documents for a user without it.
func (s *Service) EachPaper(req PaperRequest, each func(*papers.Paper) error) error {
	kinds := papers.RoundKinds
	if req.Kind != "" {
		if req.Kind == papers.KindAnnual {
			return fmt.Errorf("年度汇报按届期和年度生成，不属于某一轮次")
		}
		if req.Kind == papers.KindHandover && !s.CanSeeClues() {
			return errors.New(msgCluesRight)
		}
		kinds = []papers.Kind{req.Kind}
	}
	if req.Today.IsZero() {
		req.Today = civil.Today()
	}
	pr, _, err := s.loadPaperRound(req.Round, req.Kind)
	if err != nil {
		return err
	}
	if req.Team != "" && pr.team(req.Team) == nil {
		return fmt.Errorf("轮次 %s 中没有巡察组 %s", req.Round, req.Team)
	}
	n := 0
	count := func(p papers.Paper) error {
		n++
		return each(&p)
	}
	for _, k := range kinds {
		var err error
		switch k {
		case papers.KindNotice, papers.KindInform, papers.KindAppraise, papers.KindFound:
			err = s.eachRosterPaper(pr, k, req, count)
		case papers.KindFeedback, papers.KindRectify, papers.KindUrge:
			err = s.eachUnitPaper(pr, k, req, count)
		case papers.KindHandover:
			if s.CanSeeClues() {
				err = s.eachHandover(pr, req, count)
			}
		case papers.KindSummary:
			err = s.eachSummary(pr, req, count)
		}
		if err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("%w（轮次 %s%s）", ErrNoPapers, req.Round, req.narrowing())
	}
	return nil
}

// narrowing says what narrows a request, for the message that it names no
// document.
func (req PaperRequest) narrowing() string {
	var parts []string
	if req.Kind != "" {
		parts = append(parts, req.Kind.Title())
	}
	for _, x := range []struct{ name, v string }{{"巡察组", req.Team}, {"单位", req.Unit}, {"人员", req.Person}} {
		if x.v != "" {
			parts = append(parts, x.name+" "+x.v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "，" + strings.Join(parts, "，")
}

// eachRosterPaper makes the documents of the teams and their members.
func (s *Service) eachRosterPaper(pr *paperRound, k papers.Kind, req PaperRequest, each func(papers.Paper) error) error {
	r := &pr.doc
	if k == papers.KindFound {
		if req.Team != "" || req.Unit != "" || req.Person != "" {
			return nil
		}
		return each(pr.b.Found(r))
	}
	for i := range r.Teams {
		t := &r.Teams[i]
		if req.Team != "" && t.Name != req.Team || req.Unit != "" && !hasUnit(t, req.Unit) {
			continue
		}
		if k == papers.KindNotice {
			if req.Person == "" {
				if err := each(pr.b.Notice(r, t)); err != nil {
					return err
				}
			}
			continue
		}
		for j := range t.Members {
			m := &t.Members[j]
			if req.Person != "" && m.Person != req.Person {
				continue
			}
			p := pr.b.Inform(r, t, m)
			if k == papers.KindAppraise {
				p = pr.b.Appraise(r, t, m)
			}
			if err := each(p); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasUnit(t *papers.Team, unit string) bool {
	for _, u := range t.Units {
		if u.Code == unit {
			return true
		}
	}
	return false
}

// unitResults reads the findings and items of the round's units, with
// the day each unit's 反馈 was given and its report is due.
func (s *Service) unitResults(pr *paperRound) (map[string]*papers.UnitResults, []string, error) {
	code := pr.round.Code
	var (
		findings []model.Finding
		items    []model.RectifyItem
		ms       []model.Milestone
	)
	if err := s.DB.Where("round_code = ?", code).Order("code").Find(&findings).Error; err != nil {
		return nil, nil, fmt.Errorf("读取成果数据失败: %w", err)
	}
	if err := s.DB.Where("finding_code IN (?)", s.DB.Model(&model.Finding{}).Select("code").Where("round_code = ?", code)).
		Order("code").Find(&items).Error; err != nil {
		return nil, nil, fmt.Errorf("读取成果数据失败: %w", err)
	}
	if err := s.DB.Where("round_code = ?", code).Find(&ms).Error; err != nil {
		return nil, nil, fmt.Errorf("读取巡察节点失败: %w", err)
	}
	lset, err := s.LedgerSettings()
	if err != nil {
		return nil, nil, err
	}
	d := &ledger.Data{}
	for _, m := range ms {
		d.Milestones = append(d.Milestones, ledger.Milestone{Round: m.RoundCode, Team: m.Team, Unit: m.UnitCode, Kind: m.Kind, Date: date(m.Date)})
	}
	look := ledger.NewLookup(d)
	out := map[string]*papers.UnitResults{}
	var order []string
	for i := range pr.doc.Teams {
		t := &pr.doc.Teams[i]
		for _, u := range t.Units {
			fb := look.Milestone(code, t.Name, u.Code, vocab.MsFeedback)
			due := ledger.AddMonths(fb, lset.ReportMonths)
			if fb.IsZero() {
				fb, due = pr.round.FeedbackDate, pr.round.RectifyDue
			}
			out[u.Code] = &papers.UnitResults{Unit: u, Team: t, Feedback: fb, ReportDue: due}
			order = append(order, u.Code)
		}
	}
	problem := map[string]model.Finding{}
	for _, f := range findings {
		problem[f.Code] = f
		if u := out[f.UnitCode]; u != nil {
			u.Findings = append(u.Findings, papers.Finding{Code: f.Code, Category: f.Category, Description: f.Description, OnTheSpot: f.OnTheSpot})
		}
	}
	for _, it := range items {
		f := problem[it.FindingCode]
		if u := out[f.UnitCode]; u != nil {
			u.Items = append(u.Items, papers.Item{Code: it.Code, Finding: f.Code, Category: f.Category, Problem: f.Description,
				Measure: it.Measure, Dept: it.Dept, Owner: it.Owner, State: it.State, Due: date(it.Due), DoneOn: date(it.DoneOn)})
		}
	}
	sortByTeamThenCode(order, out)
	return out, order, nil
}

// sortByTeamThenCode keeps the units in team order, each team's by code.
func sortByTeamThenCode(order []string, out map[string]*papers.UnitResults) {
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && out[order[j]].Team == out[order[j-1]].Team && order[j] < order[j-1]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}

// eachUnitPaper makes the documents of the units: a 反馈意见 for every unit
// of the round, a 整改通知书 for every unit with items, a 督办通知 for every
// unit with something overdue on req.Today.
func (s *Service) eachUnitPaper(pr *paperRound, k papers.Kind, req PaperRequest, each func(papers.Paper) error) error {
	if req.Person != "" {
		return nil
	}
	units, order, err := s.unitResults(pr)
	if err != nil {
		return err
	}
	var overdue map[string][]papers.Overdue
	if k == papers.KindUrge {
		if overdue, err = s.overdueOfRound(pr.round.Code, req.Today); err != nil {
			return err
		}
	}
	if req.Unit != "" && units[req.Unit] == nil {
		return fmt.Errorf("单位 %s 不是轮次 %s 的被巡察单位", req.Unit, req.Round)
	}
	for _, code := range order {
		u := units[code]
		if req.Unit != "" && code != req.Unit || req.Team != "" && u.Team.Name != req.Team {
			continue
		}
		var p papers.Paper
		switch k {
		case papers.KindFeedback:
			p = pr.b.Feedback(&pr.doc, u)
		case papers.KindRectify:
			if len(u.Items) == 0 {
				continue
			}
			p = pr.b.Rectify(&pr.doc, u)
		case papers.KindUrge:
			if len(overdue[code]) == 0 {
				continue
			}
			p = pr.b.Urge(&pr.doc, u, overdue[code], req.Today)
		}
		if err := each(p); err != nil {
			return err
		}
	}
	return nil
}

// overdueOfRound lists by unit what of round is overdue on today, as the
// 督办 list shows it: items and the unit's reports (整改报告, 履职情况报告),
// clues left out (they are the receiving body's).
func (s *Service) overdueOfRound(round string, today civil.Date) (map[string][]papers.Overdue, error) {
	v, err := s.LedgerView(today)
	if err != nil {
		return nil, err
	}
	list, err := v.Open(ledger.Filter{Round: round, Urgency: []ledger.Urgency{ledger.UrgOverdue}})
	if err != nil {
		return nil, err
	}
	out := map[string][]papers.Overdue{}
	for _, r := range list.Rows {
		switch r.Kind {
		case ledger.OpenItem:
			out[r.Unit] = append(out[r.Unit], papers.Overdue{Code: r.Code, What: r.What, Dept: r.Dept, Due: r.Due, Days: r.Days})
		case ledger.OpenMilestone:
			out[r.Unit] = append(out[r.Unit], papers.Overdue{What: reportName(r.What), Due: r.Due, Days: r.Days})
		}
	}
	return out, nil
}

// reportName names an awaited report as the 督办通知 does.
func reportName(step string) string {
	if step == vocab.MsDutyReport {
		return "主要负责人组织落实整改情况报告"
	}
	return "整改情况报告"
}

// eachHandover makes a 移交函 per receiving body of the round's clues (in
// vocab's order of receivers), noting in the audit log that clue rows were
// shown.
func (s *Service) eachHandover(pr *paperRound, req PaperRequest, each func(papers.Paper) error) error {
	if req.Person != "" {
		return nil
	}
	var clues []model.Clue
	if err := s.DB.Where("round_code = ?", pr.round.Code).Order("code").Find(&clues).Error; err != nil {
		return fmt.Errorf("读取线索失败: %w", err)
	}
	lset, err := s.LedgerSettings()
	if err != nil {
		return err
	}
	by := map[string][]papers.Clue{}
	var receivers []string
	for _, c := range clues {
		if req.Team != "" && c.Team != req.Team || req.Unit != "" && c.UnitCode != req.Unit {
			continue
		}
		if by[c.Receiver] == nil {
			receivers = append(receivers, c.Receiver)
		}
		by[c.Receiver] = append(by[c.Receiver], papers.Clue{Code: c.Code, Team: c.Team, Unit: pr.snap.UnitName(c.UnitCode),
			Category: c.Category, Level: c.Level, Receiver: c.Receiver, HandedOn: date(c.HandedOn),
			FeedbackDue: ledger.ClueDue(date(c.HandedOn), date(c.FeedbackDue), lset.ClueMonths)})
	}
	n := 0
	for _, rc := range inVocabOrder(receivers, vocab.ClueReceivers) {
		if err := each(pr.b.Handover(&pr.doc, rc, by[rc], vocab.ClueCategories)); err != nil {
			return err
		}
		n += len(by[rc])
	}
	if n > 0 {
		return s.auditClueView("问题线索移交函 轮次 "+pr.round.Code, n)
	}
	return nil
}

// inVocabOrder orders words as vocab's list does, unknown ones after it.
func inVocabOrder(words, order []string) []string {
	var out []string
	for _, o := range order {
		for _, w := range words {
			if w == o {
				out = append(out, w)
			}
		}
	}
	for _, w := range words {
		if !validWord(w, order) {
			out = append(out, w)
		}
	}
	return out
}

// writePaper writes p in format ext (".docx" or ".pdf") to w.
func writePaper(w io.Writer, p *papers.Paper, ext string) error {
	if ext == ".pdf" {
		return papers.WritePDF(w, p)
	}
	return papers.WriteDocx(w, p)
}

// paperSink takes the files of the documents: a name (a slash path) and
// what writes the file.
type paperSink func(name string, write func(io.Writer) error) error

// bundleMax is the most documents one PDF of a kind holds: a PDF is held
// in memory until written.
var bundleMax = 300

// emitPapers hands the files of the documents req names to sink: a .docx
// per document, and a PDF per kind (each document from a new page, its
// pages numbered from 1; named after the document when it is the kind's
// only one; a kind of more than bundleMax documents in volumes of
// bundleMax) — a PDF's cost is mostly the font it embeds, so that one per
// document would make a whole round's take minutes. Each kind's files go
// in a folder of its own when req names every kind. It returns the number
// of documents.
func (s *Service) emitPapers(req PaperRequest, f PaperFormats, sink paperSink) (int, error) {
	sub := req.Kind == ""
	name := func(k papers.Kind, file string) string {
		if sub {
			return k.Title() + "/" + file
		}
		return file
	}
	var (
		bundle *papers.PDFBundle
		kind   papers.Kind
		only   string // the name of the bundle's first document
		volume int    // volumes of the kind written so far
	)
	flush := func(last bool) error {
		if bundle == nil {
			return nil
		}
		file := only
		switch {
		case volume > 0 || !last:
			file = fmt.Sprintf("%s_%s_第%d册（共%d份）", kind.Title(), req.Round, volume+1, bundle.Len())
		case bundle.Len() > 1:
			file = fmt.Sprintf("%s_%s（共%d份）", kind.Title(), req.Round, bundle.Len())
		}
		b := bundle
		bundle = nil
		volume++
		return sink(name(kind, file+".pdf"), b.Write)
	}
	n := 0
	err := s.EachPaper(req, func(p *papers.Paper) error {
		n++
		if p.Kind != kind { // a kind's PDF comes after its documents
			if err := flush(true); err != nil {
				return err
			}
			kind, volume = p.Kind, 0
		}
		if f.Docx || !f.PDF {
			if err := sink(name(p.Kind, p.Name+".docx"), func(w io.Writer) error { return papers.WriteDocx(w, p) }); err != nil {
				return err
			}
		}
		if !f.PDF {
			return nil
		}
		if bundle == nil {
			var err error
			if bundle, err = papers.NewPDFBundle(p.Kind.Title()); err != nil {
				return err
			}
			only = p.Name
		}
		bundle.Add(p)
		if bundle.Len() == bundleMax {
			return flush(false)
		}
		return nil
	})
	if err == nil {
		err = flush(true)
	}
	return n, err
}

// WritePapers writes the files of the documents req names (see
// emitPapers) into dir and returns their paths. The files are written as
// one batch: none replaces a file of the same name unless all were
// written, and they reach the disk together (a round's thousands of files
// would otherwise wait for the disk one by one).
func (s *Service) WritePapers(req PaperRequest, dir string, f PaperFormats) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
	}
	var files []string
	made := map[string]bool{}
	batch := outfile.NewBatch(outfile.Document)
	_, err := s.emitPapers(req, f, func(name string, write func(io.Writer) error) error {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(path); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("无法创建文件夹 %s：%w", d, err)
			}
			made[d] = true
		}
		if err := batch.Write(path, write); err != nil {
			return err
		}
		files = append(files, path)
		return nil
	})
	if err == nil {
		err = batch.Commit()
	}
	if err != nil {
		batch.Abort()
		return nil, err
	}
	return files, nil
}

// WritePapersZip writes the files of the documents req names (see
// emitPapers) into one zip at path, whole or not at all; it returns the
// number of documents.
func (s *Service) WritePapersZip(req PaperRequest, path string, f PaperFormats) (int, error) {
	n := 0
	err := outfile.Write(path, outfile.Document, func(w io.Writer) error {
		z := zip.NewWriter(w)
		var err error
		n, err = s.emitPapers(req, f, func(name string, write func(io.Writer) error) error {
			h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: zipTime}
			h.Flags |= 0x800 // names in UTF-8
			fw, err := z.CreateHeader(h)
			if err != nil {
				return err
			}
			return write(fw)
		})
		if err != nil {
			return err
		}
		return z.Close()
	})
	return n, err
}

// zipTime is the time of every entry of a documents' zip: fixed, so that
// the same documents give the same zip.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// PaperNames lists the file names (without extension) of the documents
// req names, for a list to choose from.
func (s *Service) PaperNames(req PaperRequest) ([]string, error) {
	var out []string
	err := s.EachPaper(req, func(p *papers.Paper) error {
		out = append(out, p.Name)
		return nil
	})
	return out, err
}

// WritePaper writes the document of req named name at path, as .docx or
// .pdf by path's extension.
func (s *Service) WritePaper(req PaperRequest, name, path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".pdf" {
		ext = ".docx"
	}
	found := false
	err := s.EachPaper(req, func(p *papers.Paper) error {
		if found || p.Name != name {
			return nil
		}
		found = true
		return outfile.Write(path, outfile.Document, func(w io.Writer) error { return writePaper(w, p, ext) })
	})
	if err == nil && !found {
		err = fmt.Errorf("没有名为 %s 的文书", name)
	}
	return err
}
