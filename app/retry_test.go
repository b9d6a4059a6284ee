package app

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/app/workbook"
	"xuncha/model"
)

// retryCase is a write of the service over a fresh world, and the rows
// it writes.
type retryCase struct {
	name  string
	world func(t *testing.T) *Service
	write func(t *testing.T, s *Service) error
	rows  func(t *testing.T, s *Service) any
}

// The writes of the service are safe to run again: under model.RetryDrill
// every transaction runs its closure once, is rolled back and runs it
// again, as a server does on a serialization failure. Each write then
// leaves the same audit entries as when it ran once (nothing the closure
// gathered outside the transaction counted twice) and the same rows.
func TestWritesAreRetrySafe(t *testing.T) {
	office := func(t *testing.T) *Service { admin, _, _ := resultsOffice(t); return admin }
	items := func(t *testing.T, s *Service) any { return rowsOf[model.RectifyItem](t, s, "code") }
	for _, c := range []retryCase{
		{"编组保存", assignService, func(t *testing.T, s *Service) error {
			res, err := s.Assign("2026-1", "", "1")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveAssignment(res); err != nil {
				return err
			}
			return s.SaveAssignment(res) // again: every member kept, before and after
		}, func(t *testing.T, s *Service) any { return rowsOf[model.TeamMember](t, s, "team_id, person_code") }},
		{"批量改状态", office, func(t *testing.T, s *Service) error {
			return s.SetItemsState(itemsAsRead(t, s, "Z0001", "Z0002"), vocab.ItemInProgress, 0)
		}, items},
		{"复制整改措施", office, func(t *testing.T, s *Service) error {
			return s.CopyMeasure(itemAsRead(t, s, "Z0005"), itemsAsRead(t, s, "Z0001", "Z0002"))
		}, items},
		{"节点", office, func(t *testing.T, s *Service) error {
			return s.RecordMilestones([]MilestoneEntry{
				{Round: "R2026-1", Team: "第二巡察组", Unit: "U0201", Kind: vocab.MsRectifyReport, Date: civil.MustParse("2026-05-02")},
				{Round: "R2026-1", Team: "第一巡察组", Kind: vocab.MsFeedback, Date: civil.MustParse("2026-04-03"),
					Seen: stampOf(row[model.Milestone](t, s, "round_code = ? AND team = ? AND unit_code = '' AND kind = ?", "R2026-1", "第一巡察组", vocab.MsFeedback))}})
		}, func(t *testing.T, s *Service) any {
			return rowsOf[model.Milestone](t, s, "round_code, team, unit_code, kind")
		}},
		{"导入工作簿", office, func(t *testing.T, s *Service) error {
			path := filepath.Join(t.TempDir(), "全部.xlsx")
			if err := s.ExportAll(path); err != nil {
				t.Fatal(err)
			}
			setCell(t, path, workbook.SheetItems, "Z0001", "整改措施", "导入改写的措施")
			_, err := s.ImportWorkbook([]string{path}, workbook.Options{})
			return err
		}, items},
		{"单位整改填报", office, func(t *testing.T, s *Service) error {
			path := unitFile(t, s, func(f *excelize.File, row func(string) int) {
				set(t, f, row("Z0001"), "整改进展", "已建立会议记录制度并执行")
			})
			_, err := s.ImportUnitBook(path)
			return err
		}, items},
		{"联动轮次", cityService, func(t *testing.T, s *Service) error {
			for _, r := range []model.Round{{Code: "C-1", TermCode: "T1"}, {Code: "X-1", TermCode: "T1"},
				{Code: "Y-1", TermCode: "T1", Level: vocab.LevelLinked, Links: "C-1、X-1"}} {
				if err := s.SaveRound(r); err != nil {
					return err
				}
			}
			return s.DeleteRound("X-1")
		}, func(t *testing.T, s *Service) any { return rowsOf[model.Round](t, s, "code") }},
		{"巡察规划", cityService, func(t *testing.T, s *Service) error {
			if err := s.SavePlan("T1", []PlanEdit{{Unit: "U0101", Year: 2026, RoundNo: 1, Note: "先行"}, {Unit: "U0001", Year: 2027}}); err != nil {
				return err
			}
			return s.SetPlanYear("T1", []string{"U0101", "U0102"}, 2028)
		}, func(t *testing.T, s *Service) any { return rowsOf[model.PlanItem](t, s, "term_code, unit_code") }},
		{"鉴定", func(t *testing.T) *Service { clerk, _, _ := yearsWorld(t); return clerk }, func(t *testing.T, s *Service) error {
			var team uint // the past round's team, with P03 丙 (yearsWorld)
			s.DB.Model(&model.TeamMember{}).Where("person_code = ?", "P03").Order("team_id").Limit(1).Pluck("team_id", &team)
			sheet := sheetOf(t, s, team)
			if len(sheet.Members) == 0 {
				t.Fatalf("team %d has no members", team)
			}
			m, own := sheet.Members[0], sheet.Own
			m.Grade, own.Grade = "优秀", "称职"
			return s.ProposeEvaluations(team, []MemberEval{m}, &own)
		}, func(t *testing.T, s *Service) any {
			return [2]any{rowsOf[model.TeamMember](t, s, "team_id, person_code"), rowsOf[model.TeamEvaluation](t, s, "team_id")}
		}},
		{"巡察组", formWorld, func(t *testing.T, s *Service) error {
			ed, err := s.TeamForEdit(1)
			if err != nil {
				t.Fatal(err)
			}
			ed.Units = []string{"U02"}
			_, err = s.SaveTeam(ed)
			return err
		}, func(t *testing.T, s *Service) any { return rowsOf[model.TeamUnit](t, s, "team_id, unit_code") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			once := c.world(t)
			from := entriesIn(t, once)
			if err := c.write(t, once); err != nil {
				t.Fatal(err)
			}
			twice := c.world(t)
			stop := model.RetryDrill()
			err := c.write(t, twice)
			stop()
			if err != nil {
				t.Fatalf("under the retry drill: %v", err)
			}
			if a, b := auditBodies(t, once, from), auditBodies(t, twice, from); a != b {
				t.Errorf("the audit entries differ when the writes ran twice:\n once %s\ntwice %s", a, b)
			}
			if a, b := asJSON(t, c.rows(t, once)), asJSON(t, c.rows(t, twice)); a != b {
				t.Errorf("the rows differ when the writes ran twice:\n once %s\ntwice %s", a, b)
			}
		})
	}
}

// stampOf is a pointer to m's stamp, as a form carries what it read.
func stampOf(m model.Milestone) *model.Stamp { return &m.Stamp }

// rowsOf reads the rows of T in order, without what differs between two
// databases given the same writes: ids (a server's sequences count the
// rows of a rolled-back try too) and stamps' times.
func rowsOf[T any](t *testing.T, s *Service, order string) []T {
	t.Helper()
	var out []T
	if err := s.DB.Order(order).Find(&out).Error; err != nil {
		t.Fatal(err)
	}
	for i := range out {
		v := reflect.ValueOf(&out[i]).Elem()
		if f := v.FieldByName("ID"); f.IsValid() && f.CanSet() {
			f.SetZero()
		}
		if st, ok := any(&out[i]).(model.Stamped); ok {
			old := model.StampOf(st)
			model.SetStamp(st, old.ChangedBy, time.Time{})
			v.FieldByName("Version").SetInt(int64(old.Version))
		}
	}
	return out
}

// entriesIn is how many audit entries s holds.
func entriesIn(t *testing.T, s *Service) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Model(&model.AuditEntry{}).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// ids are the record ids an audit entry's rows carry.
var ids = regexp.MustCompile(`"(ID|TeamID)":\d+`)

// auditBodies prints the audit entries after the first from, without
// their times, hashes and record ids.
func auditBodies(t *testing.T, s *Service, from int64) string {
	t.Helper()
	var es []model.AuditEntry
	if err := s.DB.Order("id").Offset(int(from)).Find(&es).Error; err != nil {
		t.Fatal(err)
	}
	for i := range es {
		es[i].ID, es[i].At, es[i].PrevHash, es[i].Hash = 0, "", "", ""
		es[i].Before, es[i].After = ids.ReplaceAllString(es[i].Before, ""), ids.ReplaceAllString(es[i].After, "")
	}
	return asJSON(t, es)
}

// asJSON prints v as JSON.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSpace(b))
}
