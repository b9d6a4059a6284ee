package app

// The unit's round trip (SPEC §9.2): a unit's items exported as a workbook
// for the unit, and the filled file merged back by 整改编号 after a preview
// of every change. The unit's file can never set 审核结果, 审核人 or
// 销号日期, nor anything else the office fills: a locked cell that differs
// from the office's record — whatever the sheet protection says — is
// refused by its cell, and then the whole file is refused.

import (
	"errors"
	"fmt"
	"slices"
	"sort"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/app/workbook"
	"xuncha/model"
)

// UnitChange is one cell a unit's file changes.
type UnitChange struct {
	Item, Field, Old, New string
}

// UnitBookPreview is what importing a unit's file would do: its changes,
// or the problems that refuse it.
type UnitBookPreview struct {
	Unit, UnitName, Round string
	Changes               []UnitChange        // by row, then column
	Problems              []workbook.Problem  // any: nothing is imported
	Unchanged             int                 // items the file leaves as they are
	Missing               []string            // the unit's items the file does not have (left alone)
	items                 []model.RectifyItem // the items after the merge, for writing
	before                []model.RectifyItem
}

// OK reports whether the file may be imported.
func (p *UnitBookPreview) OK() bool { return len(p.Problems) == 0 }

// unitItems reads the findings and items of unit in round, by code.
func unitItems(db *gorm.DB, round, unit string) (map[string]model.Finding, []model.RectifyItem, error) {
	var fs []model.Finding
	if err := db.Where("round_code = ? AND unit_code = ?", round, unit).Order("code").Find(&fs).Error; err != nil {
		return nil, nil, err
	}
	byCode := make(map[string]model.Finding, len(fs))
	codes := make([]string, len(fs))
	for i, f := range fs {
		byCode[f.Code], codes[i] = f, f.Code
	}
	var its []model.RectifyItem
	if err := db.Where("finding_code IN ?", codes).Order("finding_code, code").Find(&its).Error; err != nil {
		return nil, nil, err
	}
	return byCode, its, nil
}

// ExportUnitBook writes the items of unit in round as the unit's workbook
// at path and returns how many it holds.
func (s *Service) ExportUnitBook(round, unit, path string) (int, error) {
	if err := s.Require(PermRead); err != nil {
		return 0, err
	}
	var rd model.Round
	var u model.Unit
	s.DB.Where("code = ?", round).Limit(1).Find(&rd)
	s.DB.Where("code = ?", unit).Limit(1).Find(&u)
	if rd.Code == "" || u.Code == "" {
		return 0, fmt.Errorf("轮次 %s 或单位 %s %w", round, unit, ErrNotFound)
	}
	fs, its, err := unitItems(s.DB, round, unit)
	if err != nil {
		return 0, fmt.Errorf("读取整改措施失败: %w", err)
	}
	if len(its) == 0 {
		return 0, fmt.Errorf("%s 在轮次 %s 没有整改措施，无需导出", u.Name, round)
	}
	ub := workbook.UnitBook{Unit: u.Code, UnitName: u.Name, Round: rd.Code, RoundName: rd.Name}
	for _, it := range its {
		f := fs[it.FindingCode]
		ub.Rows = append(ub.Rows, workbook.UnitRow{Cells: unitCells(f, it)})
	}
	return len(its), workbook.WriteUnitBook(path, ub)
}

// unitCells are an item's cells in the unit's sheet.
func unitCells(f model.Finding, it model.RectifyItem) map[string]string {
	return map[string]string{
		"整改编号": it.Code, "问题类别": f.Category, "问题描述": f.Description, "整改措施": it.Measure,
		"责任部门": it.Dept, "责任人": it.Owner, "完成时限": it.Due, "状态": it.State, "完成日期": it.DoneOn,
		"整改进展": it.Progress, "审核结果": it.Review, "审核人": it.Reviewer, "销号日期": it.ClosedOn,
	}
}

// PreviewUnitBook reads a unit's filled file and compares it with the
// database: every change, or the problems that refuse it.
func (s *Service) PreviewUnitBook(path string) (*UnitBookPreview, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	return s.previewUnitBook(s.DB, path)
}

func (s *Service) previewUnitBook(db *gorm.DB, path string) (*UnitBookPreview, error) {
	ub, probs, err := workbook.ReadUnitBook(path)
	if err != nil {
		return nil, err
	}
	p := &UnitBookPreview{Problems: probs}
	if ub == nil || ub.Unit == "" {
		return p, nil
	}
	p.Unit, p.UnitName, p.Round = ub.Unit, ub.UnitName, ub.Round
	fs, its, err := unitItems(db, ub.Round, ub.Unit)
	if err != nil {
		return nil, fmt.Errorf("读取整改措施失败: %w", err)
	}
	if len(fs) == 0 {
		p.Problems = append(p.Problems, workbook.Problem{Sheet: workbook.UnitNoteSheet,
			Message: fmt.Sprintf("单位 %s 在轮次 %s 没有问题和整改措施：文件不属于本库，或单位编码、轮次编码被改动", ub.Unit, ub.Round)})
		return p, nil
	}
	mergeUnitBook(p, ub, fs, its)
	return p, nil
}

// unitMsg are the messages of a unit's file.
const (
	msgUnitReview = "审核、销号由巡察办办理，单位不能填写或修改此列（应为“%s”）"
	msgUnitLocked = "此列由巡察办填写，单位不能修改（应为“%s”）"
)

// mergeUnitBook merges ub's rows into the unit's items its (findings fs),
// filling p's changes, problems and merged items.
func mergeUnitBook(p *UnitBookPreview, ub *workbook.UnitBook, fs map[string]model.Finding, its []model.RectifyItem) {
	byCode := make(map[string]int, len(its))
	for i, it := range its {
		byCode[it.Code] = i
	}
	seen := make(map[string]int)
	bad := func(row int, col, msg string) {
		p.Problems = append(p.Problems, workbook.Problem{Sheet: workbook.UnitSheet, Row: row, Column: col, Message: msg})
	}
	for _, r := range ub.Rows {
		code := r.Cells["整改编号"]
		i, ok := byCode[code]
		switch {
		case code == "":
			bad(r.Row, "整改编号", "必填，不能为空")
			continue
		case !ok:
			bad(r.Row, "整改编号", fmt.Sprintf("整改编号“%s”不是单位 %s 在轮次 %s 的整改措施", code, ub.Unit, ub.Round))
			continue
		}
		if first, dup := seen[code]; dup {
			bad(r.Row, "整改编号", fmt.Sprintf("与第%d行重复", first))
			continue
		}
		seen[code] = r.Row
		old := its[i]
		stored := unitCells(fs[old.FindingCode], old)
		cells := make(map[string]string, len(r.Cells))
		for col, v := range r.Cells {
			cells[col] = v
		}
		for _, col := range []string{"完成时限", "完成日期", "销号日期"} {
			if d, err := workbook.ParseDate(cells[col]); err != nil {
				bad(r.Row, col, err.Error())
				cells[col] = stored[col]
			} else {
				cells[col] = d.String()
			}
		}
		rowOK := true
		for _, c := range workbook.UnitColumns {
			if c.Editable || cells[c.Name] == stored[c.Name] {
				continue
			}
			msg := msgUnitLocked
			if c.Name == "审核结果" || c.Name == "审核人" || c.Name == "销号日期" {
				msg = msgUnitReview
			}
			bad(r.Row, c.Name, fmt.Sprintf(msg, stored[c.Name]))
			rowOK = false
		}
		next := old
		next.Measure, next.State, next.DoneOn, next.Progress = cells["整改措施"], cells["状态"], cells["完成日期"], cells["整改进展"]
		if next.State == "" {
			next.State = vocab.ItemNotStarted
		}
		switch {
		case next.Measure == "":
			bad(r.Row, "整改措施", "必填，不能为空")
			rowOK = false
		case !validWord(next.State, vocab.ItemStates):
			bad(r.Row, "状态", fmt.Sprintf("“%s”无效，应为：未启动、整改中、已完成", next.State))
			rowOK = false
		case old.State == vocab.ItemClosed && next != old:
			bad(r.Row, "状态", "该整改措施已销号，单位不能再修改")
			rowOK = false
		case next.State == vocab.ItemClosed && old.State != vocab.ItemClosed:
			bad(r.Row, "状态", "销号由巡察办办理，单位不能填 已销号")
			rowOK = false
		}
		if rowOK {
			if col, msg := ledger.ItemProblem(itemFields(next)); msg != "" {
				bad(r.Row, col, msg)
				rowOK = false
			}
		}
		if !rowOK || next == old {
			if rowOK {
				p.Unchanged++
			}
			continue
		}
		for _, f := range []struct{ name, old, new string }{
			{"整改措施", old.Measure, next.Measure}, {"状态", old.State, next.State},
			{"完成日期", old.DoneOn, next.DoneOn}, {"整改进展", old.Progress, next.Progress},
		} {
			if f.old != f.new {
				p.Changes = append(p.Changes, UnitChange{Item: code, Field: f.name, Old: f.old, New: f.new})
			}
		}
		p.before = append(p.before, old)
		p.items = append(p.items, next)
	}
	for _, it := range its {
		if _, ok := seen[it.Code]; !ok {
			p.Missing = append(p.Missing, it.Code)
		}
	}
	sort.Strings(p.Missing)
}

// ImportUnitBook merges a unit's filled file into the database: all its
// changes in one transaction with one audit entry, or nothing when the
// preview has problems (returned in the preview, with no error). The file
// is compared again inside the transaction, so what is written is what the
// items are then.
func (s *Service) ImportUnitBook(path string) (*UnitBookPreview, error) {
	p, err := s.PreviewUnitBook(path)
	if err != nil || !p.OK() || len(p.items) == 0 {
		return p, err
	}
	e := audit.Entry{Action: "导入", Entity: "单位整改填报", Key: p.Round + "/" + p.Unit, Before: p.before, After: p.Changes}
	err = s.Write(e, func(tx *gorm.DB) error {
		again, err := s.previewUnitBook(tx, path)
		if err != nil {
			return err
		}
		if !again.OK() || !slices.Equal(again.Changes, p.Changes) {
			return errors.New("整改台账在预览后被他人修改，请重新预览")
		}
		for i := range again.before { // changed and changed back since the preview
			if err := model.Stale(again.before[i].Stamp, p.before[i].Stamp); err != nil {
				return model.Naming(err, "整改措施 "+again.before[i].Code)
			}
		}
		// the items' versions count up: a form open on one of them is refused
		tx = model.WithActor(tx, s.User)
		for i := range again.items {
			if err := model.Overwrite(tx, &again.items[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return p, err
}
