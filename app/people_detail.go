package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// PersonDetail is a person with everything the person form edits: work
// history, relatives, declarations, service record (巡察经历), ties
// (社会关系) and training (培训记录); and the history of the person's
// status, which the form shows and saving extends (never edits).
type PersonDetail struct {
	Person        model.Person
	History       []model.WorkHistory
	Relatives     []model.Relative
	Declarations  []model.Declaration
	Service       []ServiceRecord
	Ties          []model.Tie
	Trainings     []model.Training
	StatusHistory []model.StatusChange // oldest first; read only
}

// ServiceRecord is one place of the person on a team (编组记录), with the
// round and team it belongs to.
type ServiceRecord struct {
	TeamID      uint
	Round       string // 轮次编码
	RoundName   string
	Team        string // 巡察组 name
	OnsiteStart string // the team's (or round's) on-site dates
	OnsiteEnd   string
	Role        string
	Evaluation  string
	Comment     string
	EvalState   string // 拟定, 确定; "" without a grade
	// Stamp is the place's stamp as read: a change of the place is saved
	// only while it is still so (zero for a place the form adds).
	Stamp model.Stamp `json:"-"`
}

// PersonDetail loads person code with its history, relatives, declarations
// and service record.
func (s *Service) PersonDetail(code string) (*PersonDetail, error) {
	d := &PersonDetail{}
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&d.Person).Error; err != nil {
		return nil, fmt.Errorf("读取人员失败: %w", err)
	}
	if d.Person.Code == "" {
		return nil, fmt.Errorf("人员 %s %w", code, ErrNotFound)
	}
	q := s.DB.Where("person_code = ?", code)
	if err := q.Order("start_date, unit_code").Find(&d.History).Error; err != nil {
		return nil, fmt.Errorf("读取工作经历失败: %w", err)
	}
	if err := s.DB.Where("person_code = ?", code).Order("name").Find(&d.Relatives).Error; err != nil {
		return nil, fmt.Errorf("读取亲属关系失败: %w", err)
	}
	if err := s.DB.Where("person_code = ?", code).Order("unit_code").Find(&d.Declarations).Error; err != nil {
		return nil, fmt.Errorf("读取回避申报失败: %w", err)
	}
	if err := s.DB.Where("person_code = ?", code).Order("name, relation").Find(&d.Ties).Error; err != nil {
		return nil, fmt.Errorf("读取社会关系失败: %w", err)
	}
	if err := s.DB.Where("person_code = ?", code).Order("start_date, name").Find(&d.Trainings).Error; err != nil {
		return nil, fmt.Errorf("读取培训记录失败: %w", err)
	}
	if err := s.DB.Where("person_code = ?", code).Order("at, id").Find(&d.StatusHistory).Error; err != nil {
		return nil, fmt.Errorf("读取状态历史失败: %w", err)
	}
	svc, err := s.serviceRecord(code)
	if err != nil {
		return nil, err
	}
	d.Service = svc
	return d, nil
}

func (s *Service) serviceRecord(code string) ([]ServiceRecord, error) {
	var ms []model.TeamMember
	if err := s.DB.Where("person_code = ?", code).Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("读取编组记录失败: %w", err)
	}
	teams, err := s.TeamOptions()
	if err != nil {
		return nil, err
	}
	byID := make(map[uint]TeamOption, len(teams))
	for _, t := range teams {
		byID[t.ID] = t
	}
	out := make([]ServiceRecord, 0, len(ms))
	for _, m := range ms {
		t := byID[m.TeamID]
		out = append(out, ServiceRecord{TeamID: m.TeamID, Round: t.Round, RoundName: t.RoundName, Team: t.Team,
			OnsiteStart: t.OnsiteStart, OnsiteEnd: t.OnsiteEnd, Role: m.Role, Evaluation: m.Evaluation, Comment: m.Comment,
			EvalState: m.EvalState, Stamp: m.Stamp})
	}
	sortService(out)
	return out, nil
}

func sortService(rs []ServiceRecord) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].OnsiteStart != rs[j].OnsiteStart {
			return rs[i].OnsiteStart < rs[j].OnsiteStart
		}
		return rs[i].TeamID < rs[j].TeamID
	})
}

// AddPerson stores a new person; the code must be new.
func (s *Service) AddPerson(d *PersonDetail) error { return s.savePerson(d, true) }

// SavePerson stores the changes to an existing person: the person's fields
// and the whole of their history, relatives, declarations and service
// record, in one transaction with an audit entry holding before and after.
// A *FormErrors lists every field that is wrong.
func (s *Service) SavePerson(d *PersonDetail) error { return s.savePerson(d, false) }

func (s *Service) savePerson(d *PersonDetail, create bool) error {
	ck, err := s.newChecker()
	if err != nil {
		return err
	}
	if err := ck.person(d); err != nil {
		return err
	}
	code := d.Person.Code
	old, err := s.PersonDetail(code)
	switch {
	case err != nil && !errors.Is(err, ErrNotFound):
		return err
	case create && err == nil:
		return &FormErrors{{"人员编号", fmt.Sprintf("人员编号 %s 已存在（%s）", code, old.Person.Name)}}
	case !create && err != nil:
		return err
	}
	e := audit.Entry{Action: "修改", Entity: "人员", Key: code, Before: old, After: d}
	if create {
		e.Action, e.Before = "新增", nil
	}
	if !create {
		keepHandling(old.Declarations, d.Declarations)
		if err := keepGrades(old.Service, d.Service); err != nil {
			return err
		}
	}
	read := model.StampOf(&d.Person)
	return s.Write(e, func(tx *gorm.DB) error {
		if !create {
			// the status this change departs from, as stored now
			var now model.Person
			if err := tx.Select("code", "status").Where("code = ?", code).Limit(1).Find(&now).Error; err != nil {
				return fmt.Errorf("读取人员失败: %w", err)
			}
			old.Person.Status = now.Status
		}
		if err := s.saveStamped(tx, &d.Person, read, create); err != nil {
			return fmt.Errorf("保存人员失败: %w", err)
		}
		from := ""
		if !create {
			from = old.Person.Status
		}
		if create || from != d.Person.Status {
			h := model.NewStatusChange(code, from, d.Person.Status, d.Person.StatusReason, s.User, vocab.ViaForm, time.Now())
			if err := tx.Create(&h).Error; err != nil {
				return fmt.Errorf("保存状态历史失败: %w", err)
			}
		}
		return writeChildren(tx, d, s.User)
	})
}

// keepHandling carries the 处理 of the stored declarations over to the
// form's (matched by unit): only a 领导 sets it (HandleDeclaration), and a
// declaration whose 事由 changed binds again until one looks at it anew.
func keepHandling(old, cur []model.Declaration) {
	for i := range cur {
		c := &cur[i]
		c.Handling, c.Handler, c.HandlingReason = "", "", ""
		for _, o := range old {
			if o.UnitCode == c.UnitCode && o.Reason == c.Reason {
				c.Handling, c.Handler, c.HandlingReason = o.Handling, o.Handler, o.HandlingReason
			}
		}
	}
}

// keepGrades brings the grades of the form's service record in line with
// SPEC §11.2: a grade entered or changed here is proposed (拟定); a
// confirmed one (确定) cannot change here — a 领导 returns it first.
func keepGrades(old, cur []ServiceRecord) error {
	var errs FormErrors
	for i := range cur {
		c := &cur[i]
		var o *ServiceRecord
		for j := range old {
			if old[j].TeamID == c.TeamID {
				o = &old[j]
			}
		}
		switch {
		case o != nil && o.Evaluation == c.Evaluation && o.Comment == strings.TrimSpace(c.Comment):
			c.EvalState = o.EvalState
		case o != nil && o.EvalState == vocab.EvalConfirmed:
			errs = append(errs, FieldError{fmt.Sprintf("巡察经历第%d行 鉴定", i+1), msgConfirmedGrade})
		case c.Evaluation == "":
			c.EvalState = ""
		default:
			c.EvalState = vocab.EvalProposed
		}
	}
	if len(errs) > 0 {
		return &errs
	}
	return nil
}

// writeChildren replaces the person's history, relatives and declarations
// and brings their team places in line with d.Service.
func writeChildren(tx *gorm.DB, d *PersonDetail, by string) error {
	code := d.Person.Code
	for _, m := range []any{&model.WorkHistory{}, &model.Relative{}, &model.Declaration{}, &model.Tie{}, &model.Training{}} {
		if err := tx.Where("person_code = ?", code).Delete(m).Error; err != nil {
			return fmt.Errorf("保存人员失败: %w", err)
		}
	}
	for i := range d.Ties {
		x := d.Ties[i]
		x.ID, x.PersonCode = 0, code
		if err := tx.Omit(clause.Associations).Create(&x).Error; err != nil {
			return fmt.Errorf("保存社会关系失败: %w", err)
		}
	}
	for i := range d.Trainings {
		x := d.Trainings[i]
		x.ID, x.PersonCode = 0, code
		if err := tx.Omit(clause.Associations).Create(&x).Error; err != nil {
			return fmt.Errorf("保存培训记录失败: %w", err)
		}
	}
	for i := range d.History {
		h := d.History[i]
		h.ID, h.PersonCode = 0, code
		if err := tx.Omit(clause.Associations).Create(&h).Error; err != nil {
			return fmt.Errorf("保存工作经历失败: %w", err)
		}
	}
	for i := range d.Relatives {
		r := d.Relatives[i]
		r.ID, r.PersonCode = 0, code
		if err := tx.Omit(clause.Associations).Create(&r).Error; err != nil {
			return fmt.Errorf("保存亲属关系失败: %w", err)
		}
	}
	for i := range d.Declarations {
		x := d.Declarations[i]
		x.ID, x.PersonCode = 0, code
		if err := tx.Omit(clause.Associations).Create(&x).Error; err != nil {
			return fmt.Errorf("保存回避申报失败: %w", err)
		}
	}
	return writeService(tx, code, d.Service, by)
}

// writeService brings the person's team places in line with recs, as by
// changes them: a place changed is saved only while it is still at the
// stamp the form read it with (a grade entered on the 鉴定 tab meanwhile
// refuses the save, SPEC §13.1).
func writeService(tx *gorm.DB, code string, recs []ServiceRecord, by string) error {
	now := time.Now()
	var have []model.TeamMember
	if err := tx.Where("person_code = ?", code).Find(&have).Error; err != nil {
		return fmt.Errorf("读取编组记录失败: %w", err)
	}
	want := make(map[uint]ServiceRecord, len(recs))
	for _, r := range recs {
		want[r.TeamID] = r
	}
	for _, m := range have {
		r, ok := want[m.TeamID]
		if !ok {
			if err := tx.Delete(&model.TeamMember{}, m.ID).Error; err != nil {
				return fmt.Errorf("删除编组记录失败: %w", err)
			}
			continue
		}
		delete(want, m.TeamID)
		if m.Role == r.Role && m.Evaluation == r.Evaluation && m.Comment == r.Comment && m.EvalState == r.EvalState {
			continue
		}
		read := r.Stamp
		m.Role, m.Evaluation, m.Comment, m.EvalState = r.Role, r.Evaluation, r.Comment, r.EvalState
		if err := model.SaveStamped(tx, &m, read, by, now); err != nil {
			var t model.Team
			tx.Select("round_code", "name").Where("id = ?", m.TeamID).Limit(1).Find(&t)
			return model.Naming(err, "巡察经历 "+t.RoundCode+" "+t.Name)
		}
	}
	for _, r := range recs { // in the order given, not map order
		if _, ok := want[r.TeamID]; !ok {
			continue
		}
		m := model.TeamMember{TeamID: r.TeamID, PersonCode: code, Role: r.Role, Evaluation: r.Evaluation, Comment: r.Comment,
			EvalState: r.EvalState, Stamp: model.NewStamp(by, now)}
		if err := tx.Omit(clause.Associations).Create(&m).Error; err != nil {
			return fmt.Errorf("保存编组记录失败: %w", err)
		}
	}
	return nil
}

// DeletePerson removes person code with their history, relatives and
// declarations. A person with a service record is kept: the record is the
// history of past rounds; set the status to 出库 instead.
func (s *Service) DeletePerson(code string) error {
	old, err := s.PersonDetail(code)
	if err != nil {
		return err
	}
	if n := len(old.Service); n > 0 {
		return fmt.Errorf("%s（%s）有%d条巡察经历，不能删除；如不再抽调，请把状态改为%s", old.Person.Name, code, n, vocab.StatusRemoved)
	}
	e := audit.Entry{Action: "删除", Entity: "人员", Key: code, Before: old}
	return s.Write(e, func(tx *gorm.DB) error {
		for _, m := range []any{&model.WorkHistory{}, &model.Relative{}, &model.Declaration{}, &model.Override{},
			&model.Tie{}, &model.Training{}, &model.StatusChange{}} {
			if err := tx.Where("person_code = ?", code).Delete(m).Error; err != nil {
				return fmt.Errorf("删除人员失败: %w", err)
			}
		}
		if err := tx.Where("code = ?", code).Delete(&model.Person{}).Error; err != nil {
			return fmt.Errorf("删除人员失败: %w", err)
		}
		return nil
	})
}
