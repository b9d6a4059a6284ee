package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"xuncha/app/assign"
	"xuncha/app/auth"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/app/workbook"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// staleCase is a change two users make from what each read at the same
// time: read reads as s now and returns the save of s's change.
type staleCase struct {
	name          string
	first, second *Service
	read          func(t *testing.T, s *Service) func() error
	state         func(t *testing.T) string // what is stored of the record, its version included
	again         bool                      // the second user's change goes through once read anew
}

// run: both read; the first saves; the second is refused with who saved
// first and when, writes nothing (the record and the audit log as the
// first left them) and, read anew, goes through.
func (c staleCase) run(t *testing.T) {
	t.Helper()
	first, second := c.read(t, c.first), c.read(t, c.second)
	if err := first(); err != nil {
		t.Fatalf("first save (%s): %v", c.first.User, err)
	}
	stored := c.state(t)
	var entries int64
	c.first.DB.Model(&model.AuditEntry{}).Count(&entries)
	err := second()
	if !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 "+c.first.User+" 于 ") || !strings.Contains(err.Error(), "修改，请刷新后重试") {
		t.Fatalf("the save over %s's newer change: %v", c.first.User, err)
	}
	if got := c.state(t); got != stored {
		t.Errorf("the refused save wrote:\n  was %s\n  now %s", stored, got)
	}
	var now int64
	c.first.DB.Model(&model.AuditEntry{}).Count(&now)
	if now != entries {
		t.Errorf("the refused save wrote %d audit entries", now-entries)
	}
	if !c.again {
		return
	}
	if err := c.read(t, c.second)(); err != nil {
		t.Fatalf("the second user's save, read anew: %v", err)
	}
	if c.state(t) == stored {
		t.Error("the save read anew wrote nothing")
	}
}

// row reads the record of m whose where holds, failing the test when none.
func row[T any](t *testing.T, s *Service, where string, args ...any) T {
	t.Helper()
	var v T
	res := s.DB.Where(where, args...).Limit(1).Find(&v)
	if res.Error != nil || res.RowsAffected == 0 {
		t.Fatalf("%T %s %v: none (%v)", v, where, args, res.Error)
	}
	return v
}

// stateOf prints the record of m whose where holds (its stamp included).
func stateOf[T any](s *Service, where string, args ...any) func(*testing.T) string {
	return func(t *testing.T) string {
		t.Helper()
		var v []T
		if err := s.DB.Where(where, args...).Find(&v).Error; err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%+v", v)
	}
}

// by picks the value of a change by the user making it.
func by[T any](s *Service, firstUser string, first, second T) T {
	if s.User == firstUser {
		return first
	}
	return second
}

// The results of a round, edited by two users at once from what each read:
// every form and every action of the 成果 screen, and the 节点 and 整改报告
// tabs.
func TestResultsRefuseAStaleSave(t *testing.T) {
	for _, mk := range []func(admin, clerk, leader *Service) staleCase{
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "问题", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					f := row[model.Finding](t, s, "code = ?", "F01")
					return func() error { f.Description = s.User + "补充的问题描述"; return s.SaveFinding(f, false) }
				}, state: stateOf[model.Finding](admin, "code = ?", "F01")}
		},
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "整改措施", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					it := row[model.RectifyItem](t, s, "code = ?", "Z0001")
					return func() error { it.Note = s.User + "的备注"; return s.SaveItem(it, false) }
				}, state: stateOf[model.RectifyItem](admin, "code = ?", "Z0001")}
		},
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "线索", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					c := row[model.Clue](t, s, "code = ?", "X0002")
					return func() error {
						c.Outcome = by(s, admin.User, vocab.ClueOutcomes[0], vocab.ClueOutcomes[1])
						return s.SaveClue(c, false)
					}
				}, state: stateOf[model.Clue](admin, "code = ?", "X0002")}
		},
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "节点", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					m := row[model.Milestone](t, s, "round_code = ? AND team = ? AND unit_code = '' AND kind = ?", "R2026-1", "第一巡察组", vocab.MsFeedback)
					return func() error {
						day := civil.MustParse(by(s, admin.User, "2026-04-01", "2026-04-02"))
						return s.RecordMilestone(MilestoneEntry{Round: "R2026-1", Team: "第一巡察组", Kind: vocab.MsFeedback, Date: day, Seen: &m.Stamp})
					}
				}, state: stateOf[model.Milestone](admin, "round_code = ? AND kind = ?", "R2026-1", vocab.MsFeedback)}
		},
		func(admin, clerk, _ *Service) staleCase { // both saw none: the second would overwrite the first's
			return staleCase{name: "节点（新记录）", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					var m model.Milestone // none, the first time
					s.DB.Where("team = ? AND unit_code = ?", "第二巡察组", "U0201").Limit(1).Find(&m)
					return func() error {
						day := civil.MustParse(by(s, admin.User, "2026-05-01", "2026-05-02"))
						return s.RecordMilestones([]MilestoneEntry{{Round: "R2026-1", Team: "第二巡察组", Unit: "U0201",
							Kind: vocab.MsRectifyReport, Date: day, Seen: &m.Stamp}})
					}
				}, state: stateOf[model.Milestone](admin, "round_code = ? AND team = ?", "R2026-1", "第二巡察组")}
		},
		func(admin, clerk, _ *Service) staleCase { // removing a step someone else moved meanwhile
			return staleCase{name: "删除节点", first: admin, second: clerk,
				read: func(t *testing.T, s *Service) func() error {
					m := row[model.Milestone](t, s, "unit_code = ? AND kind = ?", "U0101", vocab.MsRectifyReport)
					if s == admin {
						return func() error {
							return s.RecordMilestone(MilestoneEntry{Round: "R2026-1", Team: "第一巡察组", Unit: "U0101",
								Kind: vocab.MsRectifyReport, Date: civil.MustParse("2026-05-21"), Seen: &m.Stamp})
						}
					}
					return func() error {
						return s.RecordMilestone(MilestoneEntry{Round: "R2026-1", Team: "第一巡察组", Unit: "U0101",
							Kind: vocab.MsRectifyReport, Seen: &m.Stamp})
					}
				}, state: stateOf[model.Milestone](admin, "unit_code = ? AND kind = ?", "U0101", vocab.MsRectifyReport)}
		},
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "批量改状态", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen := itemsAsRead(t, s, "Z0001", "Z0002")
					return func() error {
						return s.SetItemsState(seen, by(s, admin.User, vocab.ItemNotStarted, vocab.ItemInProgress), 0)
					}
				}, state: stateOf[model.RectifyItem](admin, "code IN ?", []string{"Z0001", "Z0002"})}
		},
		func(admin, clerk, _ *Service) staleCase { // the first's bulk change lands on an item the second's form holds
			return staleCase{name: "批量改状态后的表单", first: admin, second: clerk, again: true,
				read: func(t *testing.T, s *Service) func() error {
					if s == admin {
						seen := itemsAsRead(t, s, "Z0001", "Z0002")
						return func() error { return s.SetItemsState(seen, vocab.ItemNotStarted, 0) }
					}
					it := row[model.RectifyItem](t, s, "code = ?", "Z0002")
					return func() error { it.Owner = "李科长"; return s.SaveItem(it, false) }
				}, state: stateOf[model.RectifyItem](admin, "code = ?", "Z0002")}
		},
		func(admin, clerk, _ *Service) staleCase {
			return staleCase{name: "复制整改措施", first: admin, second: clerk,
				read: func(t *testing.T, s *Service) func() error {
					from, to := itemAsRead(t, s, "Z0005"), itemsAsRead(t, s, "Z0001", "Z0002")
					return func() error { return s.CopyMeasure(from, to) }
				}, state: stateOf[model.RectifyItem](admin, "code IN ?", []string{"Z0001", "Z0002"})}
		},
		func(admin, clerk, _ *Service) staleCase { // the item copied from changed since the screen showed it
			return staleCase{name: "复制来源已改", first: admin, second: clerk,
				read: func(t *testing.T, s *Service) func() error {
					if s == admin {
						it := row[model.RectifyItem](t, s, "code = ?", "Z0005")
						return func() error { it.Measure = "修订接待管理办法"; return s.SaveItem(it, false) }
					}
					from, to := itemAsRead(t, s, "Z0005"), itemsAsRead(t, s, "Z0001")
					return func() error { return s.CopyMeasure(from, to) }
				}, state: stateOf[model.RectifyItem](admin, "code IN ?", []string{"Z0001", "Z0005"})}
		},
		func(admin, _, leader *Service) staleCase {
			return staleCase{name: "审核", first: admin, second: leader, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen := itemAsRead(t, s, "Z0003")
					return func() error { return s.ReviewItem(seen, vocab.ReviewPass) }
				}, state: stateOf[model.RectifyItem](admin, "code = ?", "Z0003")}
		},
		func(admin, _, leader *Service) staleCase {
			return staleCase{name: "销号", first: admin, second: leader,
				read: func(t *testing.T, s *Service) func() error {
					if s == admin {
						return func() error { return s.ReviewItem(itemAsRead(t, s, "Z0003"), vocab.ReviewPass) }
					}
					seen := itemAsRead(t, s, "Z0003") // before the review: not yet 通过 as shown
					return func() error { return s.CloseItem(seen, resultsToday) }
				}, state: stateOf[model.RectifyItem](admin, "code = ?", "Z0003")}
		},
	} {
		admin, clerk, leader := resultsOffice(t)
		if err := admin.SetClueRight("小李", true); err != nil {
			t.Fatal(err)
		}
		c := mk(admin, clerk, leader)
		t.Run(c.name, c.run)
	}
}

// Imports count up the versions of the records they change: a form opened
// before a workbook import, a unit's round trip or a data package is
// refused on save, naming who imported.
func TestImportsCountVersionsUp(t *testing.T) {
	imports := []struct {
		name string
		run  func(t *testing.T, admin *Service)
	}{
		{"工作簿", func(t *testing.T, admin *Service) {
			path := filepath.Join(t.TempDir(), "全部.xlsx")
			if err := admin.ExportAll(path); err != nil {
				t.Fatal(err)
			}
			setCell(t, path, workbook.SheetFindings, "F01", "问题描述", "导入改写的描述")
			setCell(t, path, workbook.SheetItems, "Z0001", "整改措施", "导入改写的措施")
			res, err := admin.ImportWorkbook([]string{path}, workbook.Options{})
			if err != nil || !res.Written {
				t.Fatalf("import: %v %+v", err, res)
			}
		}},
		{"单位整改填报", func(t *testing.T, admin *Service) {
			path := unitFile(t, admin, func(f *excelize.File, row func(string) int) {
				set(t, f, row("Z0001"), "整改进展", "已建立会议记录制度并执行")
			})
			if _, err := admin.ImportUnitBook(path); err != nil {
				t.Fatal(err)
			}
		}},
		{"数据包", func(t *testing.T, admin *Service) {
			other := &Service{DB: testworld.DB(t, testworld.Results()...), User: "县区经办人"}
			for _, q := range []string{"UPDATE findings SET description = '县区补充的描述' WHERE code = 'F01'",
				"UPDATE rectify_items SET progress = '县区填报的进展' WHERE code = 'Z0001'"} {
				if err := other.DB.Exec(q).Error; err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "县区.xcpkg")
			if _, err := other.ExportPackage([]string{"C01"}, "pass-phrase-1", path); err != nil {
				t.Fatal(err)
			}
			if _, err := admin.ImportPackage(path, "pass-phrase-1"); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, imp := range imports {
		t.Run(imp.name, func(t *testing.T) {
			admin, clerk, _ := resultsOffice(t)
			it := row[model.RectifyItem](t, clerk, "code = ?", "Z0001")
			f := row[model.Finding](t, clerk, "code = ?", "F01")
			imp.run(t, admin)
			after := row[model.RectifyItem](t, admin, "code = ?", "Z0001")
			if after.Version <= it.Version || after.ChangedBy != admin.User {
				t.Fatalf("the import left Z0001 at %+v (was %+v)", after.Stamp, it.Stamp)
			}
			it.Note = "经办人的备注"
			if err := clerk.SaveItem(it, false); !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 王主任 于 ") {
				t.Errorf("the item form opened before the import: %v", err)
			}
			if imp.name == "单位整改填报" {
				return // the unit's file carries items only
			}
			f.FoundOn = "2026-02-10"
			if err := clerk.SaveFinding(f, false); !IsConflict(err) {
				t.Errorf("the finding form opened before the import: %v", err)
			}
		})
	}
}

// setCell writes v into column col of the row whose first cell is key, on
// sheet of the workbook at path.
func setCell(t *testing.T, path, sheet, key, col, v string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	c := -1
	for i, r := range rows {
		if c < 0 {
			c = slices.IndexFunc(r, func(h string) bool { return strings.HasPrefix(h, col) }) // the header row (* marks a required column)
			continue
		}
		if len(r) > 0 && r[0] == key {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no row %s or column %s on %s", key, col, sheet)
}

// 鉴定 by two users at once: a member's grade, the team's own, a 领导's
// confirmation, and the person form's service record against the 鉴定 tab.
func TestEvaluationsRefuseAStaleSave(t *testing.T) {
	for _, mk := range []func(clerk, clerk2, leader, leader2 *Service, team uint) staleCase{
		func(clerk, clerk2, _, _ *Service, team uint) staleCase {
			return staleCase{name: "成员鉴定", first: clerk, second: clerk2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					sheet := sheetOf(t, s, team)
					m := sheet.Members[1]
					return func() error {
						m.Grade = by(s, clerk.User, "称职", "优秀")
						return s.ProposeEvaluations(team, []MemberEval{m}, nil)
					}
				}, state: stateOf[model.TeamMember](clerk, "team_id = ?", team)}
		},
		func(clerk, clerk2, _, _ *Service, team uint) staleCase {
			return staleCase{name: "本组鉴定", first: clerk, second: clerk2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					own := sheetOf(t, s, team).Own
					return func() error {
						own.Grade = by(s, clerk.User, "称职", "优秀")
						return s.ProposeEvaluations(team, nil, &own)
					}
				}, state: stateOf[model.TeamEvaluation](clerk, "team_id = ?", team)}
		},
		func(clerk, _, leader, leader2 *Service, team uint) staleCase {
			if err := clerk.ProposeEvaluations(team, []MemberEval{{Person: "P03", Grade: "称职"}}, &TeamEval{Grade: "称职"}); err != nil {
				panic(err)
			}
			return staleCase{name: "鉴定确定", first: leader, second: leader2,
				read: func(t *testing.T, s *Service) func() error {
					sheet := sheetOf(t, s, team)
					return func() error { return s.ConfirmEvaluations(sheet, nil, true) }
				}, state: stateOf[model.TeamMember](clerk, "team_id = ?", team)}
		},
		func(clerk, _, leader, leader2 *Service, team uint) staleCase { // the clerk changed the grade after the 领导 opened the sheet
			if err := clerk.ProposeEvaluations(team, []MemberEval{{Person: "P03", Grade: "称职"}}, nil); err != nil {
				panic(err)
			}
			return staleCase{name: "确定时鉴定已改", first: clerk, second: leader,
				read: func(t *testing.T, s *Service) func() error {
					sheet := sheetOf(t, s, team)
					if s == clerk {
						m := sheet.Members[1]
						return func() error { m.Grade = "不称职"; return s.ProposeEvaluations(team, []MemberEval{m}, nil) }
					}
					return func() error { return s.ConfirmEvaluations(sheet, nil, false) }
				}, state: stateOf[model.TeamMember](clerk, "team_id = ?", team)}
		},
		func(clerk, clerk2, _, _ *Service, team uint) staleCase { // the 鉴定 tab and a person form open on the same place
			return staleCase{name: "人员表单的巡察经历", first: clerk, second: clerk2,
				read: func(t *testing.T, s *Service) func() error {
					if s == clerk {
						m := sheetOf(t, s, team).Members[1]
						return func() error { m.Grade = "优秀"; return s.ProposeEvaluations(team, []MemberEval{m}, nil) }
					}
					d, err := s.PersonDetail("P03")
					if err != nil {
						t.Fatal(err)
					}
					return func() error { d.Service[0].Evaluation = "基本称职"; return s.SavePerson(d) }
				}, state: stateOf[model.TeamMember](clerk, "person_code = ?", "P03")}
		},
	} {
		clerk, leader, team := yearsWorld(t)
		testworld.Plant(t, clerk.DB, &model.User{Name: "小张", Role: vocab.UserClerk, PasswordHash: "x"},
			&model.User{Name: "王书记", Role: vocab.UserLeader, PasswordHash: "x"})
		c := mk(clerk, as(clerk, "小张", vocab.UserClerk), leader, as(clerk, "王书记", vocab.UserLeader), team)
		t.Run(c.name, c.run)
	}
}

// A team's units and dates, edited in two round forms at once.
func TestTeamRefusesAStaleSave(t *testing.T) {
	zhang := formWorld(t)
	zhang.User = "张三"
	li := &Service{DB: zhang.DB, User: "李四"}
	staleCase{name: "巡察组", first: zhang, second: li, again: true,
		read: func(t *testing.T, s *Service) func() error {
			ed, err := s.TeamForEdit(1)
			if err != nil {
				t.Fatal(err)
			}
			return func() error {
				ed.Units = []string{by(s, zhang.User, "U01", "U02")}
				_, err := s.SaveTeam(ed)
				return err
			}
		}, state: func(t *testing.T) string {
			ed, err := zhang.TeamForEdit(1)
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("%+v", ed)
		}}.run(t)
	// a workbook or package import that changes the team's units counts its version up too
	ed, _ := li.TeamForEdit(1)
	err := model.Transact(zhang.DB, func(tx *gorm.DB) error {
		return model.Touch(tx, &model.Team{}, "导入员", time.Now(), "id IN ?", []uint{1})
	})
	if err != nil {
		t.Fatal(err)
	}
	ed.Start = civil.MustParse("2025-03-05")
	if _, err := li.SaveTeam(ed); !IsConflict(err) || !strings.Contains(err.Error(), "导入员") {
		t.Errorf("the team form opened before the import: %v", err)
	}
}

// A leader's decision on an override is made on the override as the
// dialog showed it: decided by another leader meanwhile, or asked again
// with a new reason, the decision is refused with who and when.
func TestOverrideDecisionsRefuseAStaleView(t *testing.T) {
	for _, mk := range []func(clerk, leader, leader2 *Service) staleCase{
		func(_, leader, leader2 *Service) staleCase {
			return staleCase{name: "批准与驳回", first: leader, second: leader2,
				read: func(t *testing.T, s *Service) func() error {
					v := pendingView(t, s)
					if s == leader {
						return func() error { return s.Seeing(v.Stamp).ApproveOverride(v.ID, s.User) }
					}
					return func() error { return s.Seeing(v.Stamp).RefuseOverride(v.ID, "不同意豁免") }
				}, state: stateOf[model.Override](leader, "person_code = ?", "P02")}
		},
		func(clerk, leader, _ *Service) staleCase {
			return staleCase{name: "新的申请理由", first: clerk, second: leader,
				read: func(t *testing.T, s *Service) func() error {
					v := pendingView(t, s)
					if s == clerk {
						return func() error {
							return s.RequestOverride(v.TeamID, "P02", "R4", "U02", "补充：借调期间未回原单位")
						}
					}
					return func() error { return s.Seeing(v.Stamp).ApproveOverride(v.ID, s.User) }
				}, state: stateOf[model.Override](leader, "person_code = ?", "P02")}
		},
	} {
		clerk, team := plantRecusal(t)
		testworld.Plant(t, clerk.DB, &model.User{Name: "王书记", Role: vocab.UserLeader, PasswordHash: "x"})
		if err := clerk.RequestOverride(team, "P02", "R4", "U02", "乙长期借调市里"); err != nil {
			t.Fatal(err)
		}
		c := mk(clerk, as(clerk, "李主任", vocab.UserLeader), as(clerk, "王书记", vocab.UserLeader))
		t.Run(c.name, c.run)
	}
}

// pendingView is the one override awaiting a decision, as s reads it.
func pendingView(t *testing.T, s *Service) OverrideView {
	t.Helper()
	vs, err := s.PendingOverrides()
	if err != nil || len(vs) != 1 {
		t.Fatalf("pending overrides %+v %v", vs, err)
	}
	return vs[0]
}

// Settings and accounts, changed by two 管理员 at once from what each
// read.
func TestSettingsAndAccountsRefuseAStaleSave(t *testing.T) {
	for _, mk := range []func(admin, admin2 *Service) staleCase{
		func(admin, admin2 *Service) staleCase {
			return staleCase{name: "设置", first: admin, second: admin2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen, err := s.SettingStamp(LedgerSettingsKey)
					if err != nil {
						t.Fatal(err)
					}
					set, _ := s.LedgerSettings()
					return func() error {
						set.DueSoonDays = by(s, admin.User, 20, 25)
						return s.Seeing(seen).SaveLedgerSettings(set)
					}
				}, state: stateOf[model.Setting](admin, "key = ?", LedgerSettingsKey)}
		},
		func(admin, admin2 *Service) staleCase { // saved once before both read: not new
			if err := admin.SaveSetting(AssignSettingsKey, mustAssign(admin)); err != nil {
				panic(err)
			}
			return staleCase{name: "已保存过的设置", first: admin, second: admin2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen, _ := s.SettingStamp(AssignSettingsKey)
					set := mustAssign(s)
					return func() error {
						set.MaxPerCounty = by(s, admin.User, 3, 4)
						return s.Seeing(seen).SaveAssignSettings(set)
					}
				}, state: stateOf[model.Setting](admin, "key = ?", AssignSettingsKey)}
		},
		func(admin, admin2 *Service) staleCase {
			return staleCase{name: "经验与轮换", first: admin, second: admin2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen, _ := s.SettingStamp(ExperienceSettingsKey)
					set, _ := s.ExperienceSettings()
					return func() error {
						set.Core = by(s, admin.User, 1, 2)
						return s.Seeing(seen).SaveExperienceSettings(set)
					}
				}, state: stateOf[model.Setting](admin, "key = ?", ExperienceSettingsKey)}
		},
		func(admin, admin2 *Service) staleCase {
			return staleCase{name: "文书设置", first: admin, second: admin2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					seen, _ := s.SettingStamp(PaperSettingsKey)
					set, _ := s.PaperSettings()
					return func() error {
						set.Office.Phone = by(s, admin.User, "0000-1", "0000-2")
						_, err := s.Seeing(seen).SavePaperSettings(set)
						return err
					}
				}, state: stateOf[model.Setting](admin, "key = ?", PaperSettingsKey)}
		},
		func(admin, admin2 *Service) staleCase {
			return staleCase{name: "角色", first: admin, second: admin2, again: true,
				read: func(t *testing.T, s *Service) func() error {
					a, err := auth.Lookup(s.DB, "小王")
					if err != nil {
						t.Fatal(err)
					}
					return func() error {
						return s.Seeing(a.Stamp).SetUserRole("小王", by(s, admin.User, vocab.UserLeader, vocab.UserAdmin))
					}
				}, state: stateOf[model.User](admin, "name = ?", "小王")}
		},
		func(admin, admin2 *Service) staleCase {
			return staleCase{name: "线索管理", first: admin, second: admin2,
				read: func(t *testing.T, s *Service) func() error {
					a, _ := auth.Lookup(s.DB, "小王")
					if s == admin {
						return func() error { return s.Seeing(a.Stamp).SetUserRole("小王", vocab.UserLeader) }
					}
					return func() error { return s.Seeing(a.Stamp).SetClueRight("小王", true) }
				}, state: stateOf[model.User](admin, "name = ?", "小王")}
		},
	} {
		clerk, _ := plantRecusal(t)
		testworld.Plant(t, clerk.DB, &model.User{Name: "王主任", Role: vocab.UserAdmin, PasswordHash: "x"})
		c := mk(as(clerk, "管理员", vocab.UserAdmin), as(clerk, "王主任", vocab.UserAdmin))
		t.Run(c.name, c.run)
	}
}

func mustAssign(s *Service) assign.Settings {
	set, err := s.AssignSettings()
	if err != nil {
		panic(err)
	}
	return set
}
