package app

import (
	"fmt"
	"strings"

	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// PersonRow is one row of the people table (人员库) as the screen shows it.
type PersonRow struct {
	Code, Name, Gender   string
	County, CountyName   string // 工作关系地
	Unit, UnitName, Post string // 现工作单位, 职务
	Rank                 string // 职级
	Pools                snap.PoolSet
	Skills               string // 财务、审计
	Status               string
	FullTime             bool

	skills uint32 // bit i: vocab.Skills[i]
	search string // lower-cased code and name
}

// PeopleColumns are the column titles of the people table, in order.
var PeopleColumns = []string{"人员编号", "姓名", "性别", "工作关系地", "现工作单位", "职务", "人员库", "专业特长", "状态", "专职"}

// Cell returns the text of column col (an index of PeopleColumns).
func (r *PersonRow) Cell(col int) string {
	switch col {
	case 0:
		return r.Code
	case 1:
		return r.Name
	case 2:
		return r.Gender
	case 3:
		return r.CountyName
	case 4:
		return r.UnitName
	case 5:
		return r.Post
	case 6:
		return PoolsText(r.Pools)
	case 7:
		return r.Skills
	case 8:
		return r.Status
	case 9:
		if r.FullTime {
			return "是"
		}
		return ""
	}
	return ""
}

// PeopleFilter narrows the people table; an empty field does not filter.
type PeopleFilter struct {
	County string // county code
	Pool   string // 组长库, 工作人员库, 专业人员库
	Skill  string // one of vocab.Skills
	Status string // 在库, 暂停, 出库
	Text   string // part of the name or the code
}

// PeopleTable is the people of the database in memory, for a screen that
// filters and sorts 20,000 rows as the clerk types.
type PeopleTable struct {
	Rows []PersonRow // sorted by code
	ix   *rowIndex
	at   map[string]int // code → row
}

// PeopleTable loads every person with the names of their county and unit.
func (s *Service) PeopleTable() (*PeopleTable, error) {
	var people []model.Person
	if err := s.DB.Order("code").Find(&people).Error; err != nil {
		return nil, fmt.Errorf("读取人员失败: %w", err)
	}
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	rows := make([]PersonRow, len(people))
	for i, p := range people {
		rows[i] = names.personRow(p)
	}
	return NewPeopleTable(rows), nil
}

// NewPeopleTable indexes rows (sorted by code) for filtering and sorting.
func NewPeopleTable(rows []PersonRow) *PeopleTable {
	t := &PeopleTable{Rows: rows}
	for i := range t.Rows {
		t.Rows[i].prepare()
	}
	t.reindex()
	return t
}

func (t *PeopleTable) reindex() {
	t.at = make(map[string]int, len(t.Rows))
	for i, r := range t.Rows {
		t.at[r.Code] = i
	}
	t.ix = newRowIndex(len(t.Rows), func(row, col int) string { return t.Rows[row].Cell(col) })
}

func (r *PersonRow) prepare() {
	r.skills = 0
	for _, k := range SplitList(r.Skills) {
		for i, s := range vocab.Skills {
			if s == k {
				r.skills |= 1 << i
			}
		}
	}
	r.search = searchKey(r.Code, r.Name)
}

// Sort orders the table by column col (an index of PeopleColumns).
func (t *PeopleTable) Sort(col int, asc bool) { t.ix.sortBy(col, asc) }

// Filter returns the rows that pass f, in the current sort order.
func (t *PeopleTable) Filter(f PeopleFilter) []int {
	pool := poolOf(f.Pool)
	var skill uint32
	for i, s := range vocab.Skills {
		if s == f.Skill {
			skill = 1 << i
		}
	}
	text := strings.ToLower(strings.TrimSpace(f.Text))
	return t.ix.filter(func(i int) bool {
		r := &t.Rows[i]
		switch {
		case f.County != "" && r.County != f.County,
			f.Status != "" && r.Status != f.Status,
			pool != 0 && !r.Pools.Has(pool),
			f.Skill != "" && r.skills&skill == 0,
			text != "" && !strings.Contains(r.search, text):
			return false
		}
		return true
	})
}

// Codes returns the codes of rows.
func (t *PeopleTable) Codes(rows []int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = t.Rows[r].Code
	}
	return out
}

// Put replaces the row of r.Code, or adds it; the sort order is reset to
// code order.
func (t *PeopleTable) Put(r PersonRow) {
	r.prepare()
	if i, ok := t.at[r.Code]; ok {
		t.Rows[i] = r
		t.ix.keys = map[int][][]byte{}
		return
	}
	t.Rows = append(t.Rows, r)
	sortRowsByCode(t.Rows)
	t.reindex()
}

// Remove drops the row of code.
func (t *PeopleTable) Remove(code string) {
	i, ok := t.at[code]
	if !ok {
		return
	}
	t.Rows = append(t.Rows[:i], t.Rows[i+1:]...)
	t.reindex()
}

func sortRowsByCode(rows []PersonRow) {
	for i := len(rows) - 1; i > 0 && rows[i].Code < rows[i-1].Code; i-- {
		rows[i], rows[i-1] = rows[i-1], rows[i]
	}
}

// PeopleRow reads the table row of one person.
func (s *Service) PeopleRow(code string) (PersonRow, error) {
	var p model.Person
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&p).Error; err != nil {
		return PersonRow{}, fmt.Errorf("读取人员失败: %w", err)
	}
	if p.Code == "" {
		return PersonRow{}, fmt.Errorf("人员 %s %w", code, ErrNotFound)
	}
	names, err := s.names()
	if err != nil {
		return PersonRow{}, err
	}
	return names.personRow(p), nil
}

// nameBook maps county and unit codes to names.
type nameBook struct{ county, unit map[string]string }

func (s *Service) names() (*nameBook, error) {
	var cs []model.County
	var us []model.Unit
	if err := s.DB.Select("code", "name").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("读取县区失败: %w", err)
	}
	if err := s.DB.Select("code", "name").Find(&us).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	b := &nameBook{county: make(map[string]string, len(cs)), unit: make(map[string]string, len(us))}
	for _, c := range cs {
		b.county[c.Code] = c.Name
	}
	for _, u := range us {
		b.unit[u.Code] = u.Name
	}
	return b, nil
}

func (b *nameBook) personRow(p model.Person) PersonRow {
	sp := PersonToSnap(p)
	return PersonRow{
		Code: p.Code, Name: p.Name, Gender: p.Gender, County: p.HomeCountyCode, CountyName: b.county[p.HomeCountyCode],
		Unit: sp.CurrentUnit, UnitName: b.unit[sp.CurrentUnit], Post: p.Post, Rank: p.Rank, Pools: sp.Pools,
		Skills: p.Skills, Status: p.Status, FullTime: p.FullTime,
	}
}

// PoolsText writes a pool set as 组长库、工作人员库.
func PoolsText(p snap.PoolSet) string {
	var out []string
	for i, name := range vocab.Pools {
		if p.Has(snap.PoolSet(1) << i) {
			out = append(out, name)
		}
	}
	return strings.Join(out, "、")
}

// poolOf returns the pool named w (0 for none).
func poolOf(w string) snap.PoolSet {
	for i, name := range vocab.Pools {
		if name == w {
			return snap.PoolSet(1) << i
		}
	}
	return 0
}
