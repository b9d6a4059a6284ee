package app

import (
	"errors"
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

func TestUnitsTableFilter(t *testing.T) {
	s := formWorld(t)
	tab, err := s.UnitsTable()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		f    UnitFilter
		want string
	}{
		{"无筛选", UnitFilter{}, "U01 U02 U0201 U03"},
		{"按县区", UnitFilter{County: "C02"}, "U03"},
		{"按类别", UnitFilter{Category: vocab.CatCountyOrgan}, "U01 U03"},
		{"按名称片段", UnitFilter{Text: "社区"}, "U0201"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := strings.Join(tab.Codes(tab.Filter(c.f)), " "); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	if r := tab.Rows[2]; r.ParentName != "城关镇" || r.CountyName != "城关区" {
		t.Errorf("row of U0201 = %+v", r)
	}
	if r := tab.Rows[1]; r.Cell(5) != "1" {
		t.Errorf("leaders of U02 = %q", r.Cell(5))
	}
	tab.Sort(5, false)
	if got := tab.Codes(tab.Filter(UnitFilter{}))[0]; got != "U02" {
		t.Errorf("most leaders first: %s", got)
	}
}

func TestSaveUnit(t *testing.T) {
	s := formWorld(t)
	d, err := s.UnitDetail("U02")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Children) != 1 || d.Children[0].Code != "U0201" || len(d.Leaders) != 1 {
		t.Fatalf("detail = %+v", d)
	}
	d.Unit.Name = "城关镇党委"
	d.Leaders = append(d.Leaders, model.UnitLeader{Name: "钱书记", Post: "党委书记", IDNumber: "11010519491231002X"})
	if err := s.SaveUnit(d); err != nil {
		t.Fatal(err)
	}
	got, _ := s.UnitDetail("U02")
	if got.Unit.Name != "城关镇党委" || len(got.Leaders) != 2 || got.Leaders[1].Name != "钱书记" {
		t.Errorf("saved = %+v", got)
	}
}

func TestSaveUnitErrors(t *testing.T) {
	cases := []struct {
		name  string
		code  string
		edit  func(d *UnitDetail)
		field string
		msg   string
	}{
		{"名称为空", "U01", func(d *UnitDetail) { d.Unit.Name = "" }, "单位名称", "必填"},
		{"类别不在表内", "U01", func(d *UnitDetail) { d.Unit.Category = "机关" }, "单位类别", "县直机关"},
		{"上级单位在别县", "U01", func(d *UnitDetail) { d.Unit.ParentCode = strPtr("U03") }, "上级单位", "同一县区"},
		{"上级单位是本单位", "U02", func(d *UnitDetail) { d.Unit.ParentCode = strPtr("U02") }, "上级单位", "本单位"},
		{"上下级成环", "U02", func(d *UnitDetail) { d.Unit.ParentCode = strPtr("U0201") }, "上级单位", "成环"},
		{"上级单位不存在", "U01", func(d *UnitDetail) { d.Unit.ParentCode = strPtr("U99") }, "上级单位", "U99 不存在"},
		{"有下级单位时改县区", "U02", func(d *UnitDetail) { d.Unit.CountyCode = "C02" }, "县区", "同一县区"},
		{"班子成员重名", "U01", func(d *UnitDetail) {
			d.Leaders = []model.UnitLeader{{Name: "甲"}, {Name: "甲"}}
		}, "班子成员第2行 姓名", "重名"},
		{"班子成员身份证号错", "U01", func(d *UnitDetail) {
			d.Leaders = []model.UnitLeader{{Name: "甲", IDNumber: "123"}}
		}, "班子成员第1行 身份证号", "18位"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := formWorld(t)
			d, err := s.UnitDetail(c.code)
			if err != nil {
				t.Fatal(err)
			}
			c.edit(d)
			err = s.SaveUnit(d)
			var fe *FormErrors
			if !errors.As(err, &fe) || !hasFieldError(*fe, c.field, c.msg) {
				t.Errorf("want %s：…%s…, got %v", c.field, c.msg, err)
			}
		})
	}
}

func TestAddAndDeleteUnit(t *testing.T) {
	s := formWorld(t)
	d := &UnitDetail{Unit: model.Unit{Code: "U0202", Name: "西街社区", CountyCode: "C01", Category: vocab.CatVillage, ParentCode: strPtr("U02")}}
	if err := s.AddUnit(d); err != nil {
		t.Fatal(err)
	}
	var fe *FormErrors
	if err := s.AddUnit(d); !errors.As(err, &fe) || !hasFieldError(*fe, "单位编码", "已存在") {
		t.Errorf("duplicate code: %v", err)
	}
	if err := s.DeleteUnit("U02"); err == nil || !strings.Contains(err.Error(), "下级单位2条") {
		t.Errorf("deleting a unit with sub-units: %v", err)
	}
	if err := s.DeleteUnit("U0202"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UnitDetail("U0202"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	opts, err := s.UnitOptions("C01")
	if err != nil || len(opts) != 3 || opts[0].Label() != "U01 县委办公室" || CodeOfLabel(opts[0].Label()) != "U01" {
		t.Errorf("unit options = %v, %v", opts, err)
	}
}
