package app

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/calendar"
	"xuncha/app/fieldrule"
	"xuncha/model"
)

// UnitRow is one row of the units table (单位) as the screen shows it.
type UnitRow struct {
	Code, Name         string
	County, CountyName string
	Category           string
	Parent, ParentName string
	Leaders            int      // number of 班子成员
	Sectors            []string // 领域
	Priority           string   // 重点等级

	search string
}

// UnitColumns are the column titles of the units table, in order.
var UnitColumns = []string{"单位编码", "单位名称", "县区", "单位类别", "上级单位", "班子成员", "领域", "重点等级"}

// Cell returns the text of column col (an index of UnitColumns).
func (r *UnitRow) Cell(col int) string {
	switch col {
	case 0:
		return r.Code
	case 1:
		return r.Name
	case 2:
		return r.CountyName
	case 3:
		return r.Category
	case 4:
		return r.ParentName
	case 5:
		return fmt.Sprint(r.Leaders)
	case 6:
		return strings.Join(r.Sectors, "、")
	case 7:
		return r.Priority
	}
	return ""
}

// UnitFilter narrows the units table; an empty field does not filter.
type UnitFilter struct {
	County   string // county code
	Category string
	Sector   string // one of the unit's 领域 (calendar.Unsectored: none)
	Priority string // 重点等级
	Text     string // part of the name or the code
}

// UnitsTable is the units of the database in memory, for the units screen.
type UnitsTable struct {
	Rows []UnitRow // sorted by code
	ix   *rowIndex
}

// UnitsTable loads every unit with its county, parent and number of leaders.
func (s *Service) UnitsTable() (*UnitsTable, error) {
	var units []model.Unit
	if err := s.DB.Order("code").Find(&units).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	var counts []struct {
		UnitCode string
		N        int
	}
	if err := s.DB.Model(&model.UnitLeader{}).Select("unit_code, count(*) as n").Group("unit_code").Scan(&counts).Error; err != nil {
		return nil, fmt.Errorf("读取班子成员失败: %w", err)
	}
	leaders := make(map[string]int, len(counts))
	for _, c := range counts {
		leaders[c.UnitCode] = c.N
	}
	t := &UnitsTable{Rows: make([]UnitRow, len(units))}
	for i, u := range units {
		t.Rows[i] = UnitRow{Code: u.Code, Name: u.Name, County: u.CountyCode, CountyName: names.county[u.CountyCode],
			Category: u.Category, Parent: deref(u.ParentCode), ParentName: names.unit[deref(u.ParentCode)],
			Leaders: leaders[u.Code], Sectors: fieldrule.SplitSectors(u.Sectors), Priority: u.Priority,
			search: searchKey(u.Code, u.Name)}
	}
	t.ix = newRowIndex(len(t.Rows), func(row, col int) string {
		if col == 5 { // numbers sort as numbers
			return fmt.Sprintf("%06d", t.Rows[row].Leaders)
		}
		return t.Rows[row].Cell(col)
	})
	return t, nil
}

// Sort orders the table by column col (an index of UnitColumns).
func (t *UnitsTable) Sort(col int, asc bool) { t.ix.sortBy(col, asc) }

// Filter returns the rows that pass f, in the current sort order.
func (t *UnitsTable) Filter(f UnitFilter) []int {
	text := strings.ToLower(strings.TrimSpace(f.Text))
	return t.ix.filter(func(i int) bool {
		r := &t.Rows[i]
		return (f.County == "" || r.County == f.County) &&
			(f.Category == "" || r.Category == f.Category) &&
			(f.Sector == "" || slices.Contains(r.Sectors, f.Sector) || f.Sector == calendar.Unsectored && len(r.Sectors) == 0) &&
			(f.Priority == "" || r.Priority == f.Priority) &&
			(text == "" || strings.Contains(r.search, text))
	})
}

// Codes returns the codes of rows.
func (t *UnitsTable) Codes(rows []int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = t.Rows[r].Code
	}
	return out
}

// Sectors lists the 领域 the forms and filters offer (SPEC §8.2): those of
// the calendar settings in their order, then the other words units hold,
// sorted.
func (s *Service) Sectors() ([]string, error) {
	set, err := s.CalendarSettings()
	if err != nil {
		return nil, err
	}
	var held []string
	if err := s.DB.Model(&model.Unit{}).Where("sectors <> ''").Distinct().Pluck("sectors", &held).Error; err != nil {
		return nil, fmt.Errorf("读取单位领域失败: %w", err)
	}
	out := slices.Clone(set.Sectors)
	var more []string
	for _, h := range held {
		for _, w := range fieldrule.SplitSectors(h) {
			if !slices.Contains(out, w) && !slices.Contains(more, w) {
				more = append(more, w)
			}
		}
	}
	slices.Sort(more)
	return append(out, more...), nil
}

// CountyOptions lists the counties by code, for combo boxes.
func (s *Service) CountyOptions() ([]Option, error) {
	var cs []model.County
	if err := s.DB.Order("code").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("读取县区失败: %w", err)
	}
	out := make([]Option, len(cs))
	for i, c := range cs {
		out[i] = Option{c.Code, c.Name}
	}
	return out, nil
}

// UnitOptions lists the units by code, for pickers; county "" lists all.
func (s *Service) UnitOptions(county string) ([]Option, error) {
	q := s.DB.Select("code", "name").Order("code")
	if county != "" {
		q = q.Where("county_code = ?", county)
	}
	var us []model.Unit
	if err := q.Find(&us).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	out := make([]Option, len(us))
	for i, u := range us {
		out[i] = Option{u.Code, u.Name}
	}
	return out, nil
}
