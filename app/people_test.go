package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// formWorld opens an in-memory database with two counties, a few units,
// three people and one past round with one team.
func formWorld(t *testing.T) *Service {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "城关区"}, &model.County{Code: "C02", Name: "河西县"},
		&model.Unit{Code: "U01", Name: "县委办公室", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Unit{Code: "U02", Name: "城关镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U0201", Name: "东街社区", CountyCode: "C01", Category: vocab.CatVillage, ParentCode: testworld.Ptr("U02")},
		&model.Unit{Code: "U03", Name: "河西县财政局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
		&model.UnitLeader{UnitCode: "U02", Name: "赵镇长", Post: "镇长"},
		&model.Person{Code: "P001", Name: "张三", Gender: "男", HomeCountyCode: "C01", CurrentUnitCode: testworld.Ptr("U01"),
			InLeaderPool: true, Skills: "财务", Status: vocab.StatusActive},
		&model.Person{Code: "P002", Name: "李四", Gender: "女", HomeCountyCode: "C02", CurrentUnitCode: testworld.Ptr("U03"),
			InStaffPool: true, InExpertPool: true, Skills: "审计、法律", Status: vocab.StatusActive},
		&model.Person{Code: "P003", Name: "王五", HomeCountyCode: "C02", InStaffPool: true, Status: vocab.StatusSuspended},
		&model.Term{Code: "T1", Name: "第十五届", StartDate: "2022-01-01", EndDate: "2026-12-31"},
		&model.Round{Code: "2025-1", TermCode: "T1", Number: 1, Name: "第一轮", OnsiteStart: "2025-03-01", OnsiteEnd: "2025-04-15"},
		&model.Team{RoundCode: "2025-1", Name: "第一巡察组", Seq: 1},
		&model.TeamMember{TeamID: 1, PersonCode: "P002", Role: vocab.RoleMember, Evaluation: "称职"},
	}
	return &Service{DB: testworld.DB(t, rows...), User: "测试"}
}

func TestPeopleTableFilter(t *testing.T) {
	s := formWorld(t)
	tab, err := s.PeopleTable()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		f    PeopleFilter
		want string
	}{
		{"无筛选", PeopleFilter{}, "P001 P002 P003"},
		{"按县区", PeopleFilter{County: "C02"}, "P002 P003"},
		{"按人员库", PeopleFilter{Pool: vocab.PoolStaff}, "P002 P003"},
		{"按特长", PeopleFilter{Skill: "审计"}, "P002"},
		{"按状态", PeopleFilter{Status: vocab.StatusSuspended}, "P003"},
		{"按姓名片段", PeopleFilter{Text: "李"}, "P002"},
		{"按编号小写", PeopleFilter{Text: "p00"}, "P001 P002 P003"},
		{"组合筛选无结果", PeopleFilter{County: "C01", Skill: "审计"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(tab.Codes(tab.Filter(c.f)), " ")
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	row := tab.Rows[1]
	if row.CountyName != "河西县" || row.UnitName != "河西县财政局" || row.Cell(6) != "工作人员库、专业人员库" {
		t.Errorf("row of P002 = %+v", row)
	}
}

func TestPeopleTableSort(t *testing.T) {
	s := formWorld(t)
	tab, err := s.PeopleTable()
	if err != nil {
		t.Fatal(err)
	}
	tab.Sort(1, true) // 姓名 in pinyin order: 李四, 王五, 张三
	if got := strings.Join(tab.Codes(tab.Filter(PeopleFilter{})), " "); got != "P002 P003 P001" {
		t.Errorf("by name ascending: %s", got)
	}
	tab.Sort(0, false)
	if got := strings.Join(tab.Codes(tab.Filter(PeopleFilter{})), " "); got != "P003 P002 P001" {
		t.Errorf("by code descending: %s", got)
	}
	r, err := s.PeopleRow("P001")
	if err != nil {
		t.Fatal(err)
	}
	r.Name = "张三丰"
	tab.Put(r)
	tab.Put(PersonRow{Code: "P000", Name: "新人", County: "C01"})
	if got := strings.Join(tab.Codes(tab.Filter(PeopleFilter{Text: "张三丰"})), " "); got != "P001" {
		t.Errorf("after Put: %s", got)
	}
	tab.Remove("P002")
	if got := strings.Join(tab.Codes(tab.Filter(PeopleFilter{})), " "); got != "P000 P001 P003" {
		t.Errorf("after Remove: %s", got)
	}
}

func TestSavePersonValid(t *testing.T) {
	s := formWorld(t)
	d, err := s.PersonDetail("P001")
	if err != nil {
		t.Fatal(err)
	}
	d.Person.Post = " 科长 "
	d.Person.IDNumber = "11010519491231002x"
	d.Person.Skills = "审计、财务"
	d.History = append(d.History, model.WorkHistory{UnitCode: "U02", StartDate: "2018-03-01", EndDate: "2021-02-28"})
	d.Relatives = append(d.Relatives, model.Relative{Name: "张小", Relation: "妻子", UnitCode: strPtr("U03")})
	d.Declarations = append(d.Declarations, model.Declaration{UnitCode: "U03", Reason: "曾在该局借调"})
	d.Service = append(d.Service, ServiceRecord{TeamID: 1, Role: vocab.RoleLeader, Evaluation: "优秀"})
	if err := s.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	got, err := s.PersonDetail("P001")
	if err != nil {
		t.Fatal(err)
	}
	if got.Person.Post != "科长" || got.Person.IDNumber != "11010519491231002X" || got.Person.Skills != "财务、审计" {
		t.Errorf("person = %+v", got.Person)
	}
	if len(got.History) != 1 || len(got.Relatives) != 1 || got.Relatives[0].Relation != "配偶" || len(got.Declarations) != 1 {
		t.Errorf("children = %+v %+v %+v", got.History, got.Relatives, got.Declarations)
	}
	if len(got.Service) != 1 || got.Service[0].Team != "第一巡察组" || got.Service[0].Round != "2025-1" || got.Service[0].OnsiteStart != "2025-03-01" {
		t.Errorf("service = %+v", got.Service)
	}
	var n int64
	s.DB.Model(&model.AuditEntry{}).Where("action = ? AND key = ?", "修改", "P001").Count(&n)
	if n != 1 {
		t.Errorf("audit entries = %d", n)
	}
	// Removing the service record again deletes the team place.
	got.Service = nil
	if err := s.SavePerson(got); err != nil {
		t.Fatal(err)
	}
	s.DB.Model(&model.TeamMember{}).Where("person_code = ?", "P001").Count(&n)
	if n != 0 {
		t.Errorf("team places after removal = %d", n)
	}
}

func TestSavePersonErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(d *PersonDetail)
		field string
		msg   string
	}{
		{"姓名为空", func(d *PersonDetail) { d.Person.Name = " " }, "姓名", "必填"},
		{"工作关系地不存在", func(d *PersonDetail) { d.Person.HomeCountyCode = "C99" }, "工作关系地", "C99 不存在"},
		{"身份证号校验位错", func(d *PersonDetail) { d.Person.IDNumber = "110105194912310021" }, "身份证号", "校验位错误"},
		{"出生日期格式错", func(d *PersonDetail) { d.Person.BirthDate = "1980/1/1" }, "出生日期", "2026-03-01"},
		{"特长不在表内", func(d *PersonDetail) { d.Person.Skills = "财务、唱歌" }, "专业特长", "唱歌"},
		{"现工作单位不存在", func(d *PersonDetail) { d.Person.CurrentUnitCode = strPtr("U99") }, "现工作单位", "U99"},
		{"经历结束早于开始", func(d *PersonDetail) {
			d.History = []model.WorkHistory{{UnitCode: "U01", StartDate: "2020-01-01", EndDate: "2019-01-01"}}
		}, "工作经历第1行 结束日期", "早于"},
		{"关系词不认识", func(d *PersonDetail) { d.Relatives = []model.Relative{{Name: "张某", Relation: "朋友"}} }, "亲属关系第1行 关系", "朋友"},
		{"亲属是本人", func(d *PersonDetail) {
			d.Relatives = []model.Relative{{Name: "张三", Relation: "其他", RelativePerson: "P001"}}
		}, "亲属关系第1行 亲属人员编号", "本人"},
		{"申报无事由", func(d *PersonDetail) { d.Declarations = []model.Declaration{{UnitCode: "U01"}} }, "回避申报第1行 事由", "必填"},
		// The rules of every field, as workbooks and packages have them (fieldrule).
		{"姓名超过1000字", func(d *PersonDetail) { d.Person.Name = strings.Repeat("张", 1001) }, "姓名", "超过1000个字符"},
		{"职务含ESC", func(d *PersonDetail) { d.Person.Post = "科长\x1b[2J" }, "职务", "控制字符"},
		{"姓名是Excel错误值", func(d *PersonDetail) { d.Person.Name = "#N/A" }, "姓名", "Excel 的错误值"},
		{"亲属身份证号是本人的", func(d *PersonDetail) {
			d.Person.IDNumber = "11010519491231002X"
			d.Relatives = []model.Relative{{Name: "张某", Relation: "其他", IDNumber: "11010519491231002x"}}
		}, "亲属关系第1行 身份证号", "本人"},
		{"经历角色错", func(d *PersonDetail) { d.Service = []ServiceRecord{{TeamID: 1, Role: "组员"}} }, "巡察经历第1行 角色", "组长"},
		{"巡察组不存在", func(d *PersonDetail) { d.Service = []ServiceRecord{{TeamID: 42, Role: "成员"}} }, "巡察经历第1行 巡察组", "不存在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := formWorld(t)
			d, err := s.PersonDetail("P001")
			if err != nil {
				t.Fatal(err)
			}
			c.edit(d)
			err = s.SavePerson(d)
			var fe *FormErrors
			if !errors.As(err, &fe) {
				t.Fatalf("want form errors, got %v", err)
			}
			if !hasFieldError(*fe, c.field, c.msg) {
				t.Errorf("want %s：…%s…, got %v", c.field, c.msg, err)
			}
			if got, _ := s.PersonDetail("P001"); got.Person.Name != "张三" || len(got.History)+len(got.Relatives)+len(got.Declarations) != 0 {
				t.Errorf("a refused save changed the person: %+v", got)
			}
		})
	}
}

func hasFieldError(fe FormErrors, field, msg string) bool {
	for _, e := range fe {
		if e.Field == field && strings.Contains(e.Message, msg) {
			return true
		}
	}
	return false
}

func TestAddAndDeletePerson(t *testing.T) {
	s := formWorld(t)
	d := &PersonDetail{Person: model.Person{Code: "P001", Name: "重号", HomeCountyCode: "C01"}}
	var fe *FormErrors
	if err := s.AddPerson(d); !errors.As(err, &fe) || !hasFieldError(*fe, "人员编号", "已存在") {
		t.Errorf("duplicate code: %v", err)
	}
	d.Person.Code = "P010"
	d.History = []model.WorkHistory{{UnitCode: "U01", StartDate: "2020-01-01"}}
	if err := s.AddPerson(d); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PersonDetail("P010"); err != nil || got.Person.Status != vocab.StatusActive || len(got.History) != 1 {
		t.Errorf("added person = %+v, %v", got, err)
	}
	if err := s.DeletePerson("P010"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PersonDetail("P010"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := s.DeletePerson("P002"); err == nil || !strings.Contains(err.Error(), "巡察经历") {
		t.Errorf("deleting a person with a service record: %v", err)
	}
}

// BenchmarkPeopleFilter filters a 20,000-row people table by county and a
// name fragment, as the screen does on each keystroke.
func BenchmarkPeopleFilter(b *testing.B) {
	tab := NewPeopleTable(syntheticRows(20000))
	tab.Sort(1, true)
	f := PeopleFilter{County: "C07", Pool: vocab.PoolStaff, Text: "华"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(tab.Filter(f)) == 0 {
			b.Fatal("nothing passed")
		}
	}
}

// BenchmarkPeopleFilterText filters by name fragment only.
func BenchmarkPeopleFilterText(b *testing.B) {
	tab := NewPeopleTable(syntheticRows(20000))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tab.Filter(PeopleFilter{Text: "明"})
	}
}

// BenchmarkPeopleSort sorts a 20,000-row people table by name, first time
// (collation keys) included.
func BenchmarkPeopleSort(b *testing.B) {
	rows := syntheticRows(20000)
	for i := 0; i < b.N; i++ {
		tab := NewPeopleTable(rows)
		tab.Sort(1, true)
	}
}

func syntheticRows(n int) []PersonRow {
	family := []rune("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗")
	given := []rune("明华建国军平志伟芳丽强磊洋艳勇杰娟涛超秀")
	rows := make([]PersonRow, n)
	for i := range rows {
		rows[i] = PersonRow{
			Code: fmt.Sprintf("P%05d", i), Name: string(family[i%len(family)]) + string(given[(i/7)%len(given)]) + string(given[(i/3)%len(given)]),
			County: fmt.Sprintf("C%02d", i%12), Pools: 1 << (i % 3), Skills: vocab.Skills[i%len(vocab.Skills)], Status: vocab.StatusActive,
		}
	}
	return rows
}

func strPtr(s string) *string { return &s }
