package app

// The statistics (统计报表, SPEC §12.2) as the service offers them: the
// figures of a scope with their breakdowns, the workbook and the PDF
// report, the 新提拔 obligation's rule, and the reports upward (年度汇报,
// 每轮综合情况) filled with the figures.

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/obligation"
	"xuncha/app/outfile"
	"xuncha/app/papers"
	"xuncha/app/snap"
	"xuncha/app/stats"
)

// ObligationRule reads the 新提拔 obligation (SPEC §11.3; defaults when
// never saved).
func (s *Service) ObligationRule() (obligation.Rule, error) {
	r := obligation.Default()
	if err := s.LoadSetting(obligation.SettingsKey, &r); err != nil {
		return obligation.Default(), err
	}
	return r.Normalized(), nil
}

// SaveObligationRule stores the 新提拔 obligation.
func (s *Service) SaveObligationRule(r obligation.Rule) error {
	return s.SaveSetting(obligation.SettingsKey, r.Normalized())
}

// Stats computes the statistics of scope sc (its Today the real day when
// zero) with their breakdowns.
func (s *Service) Stats(sc stats.Scope) (*stats.Report, *stats.Details, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, nil, err
	}
	return s.statsOver(sn, sc)
}

// statsOver computes the statistics over the snapshot sn.
func (s *Service) statsOver(sn *snap.Snapshot, sc stats.Scope) (*stats.Report, *stats.Details, error) {
	if sc.Today.IsZero() {
		sc.Today = civil.Today()
	}
	cset, err := s.CalendarSettings()
	if err != nil {
		return nil, nil, err
	}
	cov, err := calendar.New(sn, cset).Coverage(sc.Term, sc.Today)
	if err != nil {
		return nil, nil, err
	}
	lset, err := s.LedgerSettings()
	if err != nil {
		return nil, nil, err
	}
	rule, err := s.ObligationRule()
	if err != nil {
		return nil, nil, err
	}
	in := &stats.Input{Snap: sn, Coverage: cov, Rule: rule, Categories: lset.Categories}
	date := ledger.ParseDate
	num := func(v string) int {
		n := 0
		fmt.Sscan(v, &n)
		return n
	}
	err = errors.Join(
		scanStrings(s.DB, "SELECT code, round_code, unit_code, category, on_the_spot FROM findings ORDER BY code", 5, func(v []string) {
			in.Findings = append(in.Findings, stats.Finding{Code: v[0], Round: v[1], Unit: v[2], Category: v[3],
				OnTheSpot: v[4] == "1" || v[4] == "true" || v[4] == "t"})
		}),
		scanStrings(s.DB, "SELECT finding_code, state, due FROM rectify_items ORDER BY code", 3, func(v []string) {
			in.Items = append(in.Items, stats.Item{Finding: v[0], State: v[1], Due: date(v[2])})
		}),
		scanStrings(s.DB, "SELECT round_code, unit_code, receiver, outcome, opened, sanctioned, judiciary FROM clues ORDER BY code", 7, func(v []string) {
			in.Clues = append(in.Clues, stats.Clue{Round: v[0], Unit: v[1], Receiver: v[2], Outcome: v[3],
				Opened: num(v[4]), Sanctioned: num(v[5]), Judiciary: num(v[6])})
		}),
	)
	if err != nil {
		return nil, nil, fmt.Errorf("读取成果数据失败: %w", err)
	}
	return stats.Compute(in, sc)
}

// ExportStats writes the statistics of scope sc as a workbook at xlsx and
// an A4 report at pdf (either may be ""), each whole or not at all.
func (s *Service) ExportStats(sc stats.Scope, xlsx, pdf string) (*stats.Report, error) {
	rep, det, err := s.Stats(sc)
	if err != nil {
		return nil, err
	}
	if xlsx != "" {
		if err := stats.WriteXLSX(xlsx, rep, det); err != nil {
			return nil, err
		}
	}
	if pdf != "" {
		if err := stats.WritePDF(pdf, rep, det); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// figures turns the statistics into the figures a report upward writes.
func figures(rep *stats.Report, det *stats.Details, today civil.Date) *papers.Figures {
	f := &papers.Figures{Scope: scopeWords(det), Today: today, Rounds: rep.Rounds, Teams: rep.Teams, Units: rep.UnitsInspected,
		Required: rep.Coverage.Required, Covered: rep.Coverage.Covered, CoverageRate: rep.Coverage.Rate,
		Placements: rep.People.Placements, Distinct: rep.People.Distinct, FullTime: rep.People.FullTime,
		NewlyPromoted: rep.People.NewlyPromotedServed, Owing: rep.People.Owing,
		Findings: rep.Findings.Total, OnTheSpot: rep.Findings.OnTheSpot,
		Items: rep.Rectification.Items, Done: rep.Rectification.Done, Closed: rep.Rectification.Closed,
		Overdue: rep.Rectification.Overdue, Rate: rep.Rectification.Rate,
		Clues: rep.Clues.Total, Opened: rep.Clues.CasesOpened, Sanctioned: rep.Clues.Sanctioned, Judiciary: rep.Clues.ToJudiciary}
	for _, c := range det.ByCategory {
		f.ByCategory = append(f.ByCategory, papers.Count{Name: c.Name, N: c.N})
	}
	for _, r := range det.Receivers {
		f.ByReceiver = append(f.ByReceiver, papers.Count{Name: r.Name, N: r.Total})
	}
	return f
}

// scopeWords says a report's scope as its sentence does: 城关区 or 全市.
func scopeWords(det *stats.Details) string {
	if det.CountyName != "" {
		return det.CountyName
	}
	return "全部县区"
}

// reportFile writes a report upward at path: .pdf as PDF, else .docx.
func reportFile(path string, p *papers.Paper) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".pdf" {
		ext = ".docx"
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return writePaper(w, p, ext) })
}

// AnnualReport writes the year's report upward (年度汇报) of scope sc
// (term, year, optional jurisdiction) at path.
func (s *Service) AnnualReport(sc stats.Scope, path string) error {
	if sc.Year == 0 {
		return errors.New("年度汇报须指定年度")
	}
	if err := s.Require(PermRead); err != nil {
		return err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return err
	}
	rep, det, err := s.statsOver(sn, sc)
	if err != nil {
		return err
	}
	set, err := s.PaperSettings()
	if err != nil {
		return err
	}
	lset, err := s.LedgerSettings()
	if err != nil {
		return err
	}
	b := papers.NewBuilder(set, det.TermName, lset.Categories)
	p := b.Annual(sc.Year, det.TermName, figures(rep, det, civil.MustParse(rep.Today)))
	return reportFile(path, &p)
}

// eachSummary makes a round's report upward (每轮综合情况) with the
// round's figures on req.Today, of req.County's units when given.
func (s *Service) eachSummary(pr *paperRound, req PaperRequest, each func(papers.Paper) error) error {
	if req.Team != "" || req.Unit != "" || req.Person != "" {
		return nil
	}
	sc := stats.Scope{Term: pr.round.Term, Round: pr.round.Code, County: req.County, Today: req.Today}
	rep, det, err := s.statsOver(pr.snap, sc)
	if err != nil {
		return err
	}
	return each(pr.b.Summary(&pr.doc, figures(rep, det, req.Today)))
}
