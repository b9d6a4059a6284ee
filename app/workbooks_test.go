package app

import (
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestExportSelections: the codes an export of a county's units or people
// (of a pool) holds; an empty selection stays empty, since to the exports
// nil means everyone.
func TestExportSelections(t *testing.T) {
	s := &Service{DB: testworld.DB(t,
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"}, &model.County{Code: "C03", Name: "临河县"},
		&model.Unit{Code: "U02", Name: "县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U10", Name: "平山镇", CountyCode: "C02", Category: vocab.CatTownship},
		&model.Person{Code: "P02", Name: "乙", HomeCountyCode: "C01", InLeaderPool: true, Status: vocab.StatusActive},
		&model.Person{Code: "P01", Name: "甲", HomeCountyCode: "C01", InStaffPool: true, Status: vocab.StatusActive},
		&model.Person{Code: "P10", Name: "丙", HomeCountyCode: "C02", InLeaderPool: true, Status: vocab.StatusActive},
	), User: "测试"}
	list := func(codes []string, err error) string {
		if err != nil {
			return "错误：" + err.Error()
		}
		if codes == nil {
			return "nil"
		}
		return "[" + strings.Join(codes, " ") + "]"
	}
	for _, c := range []struct{ name, got, want string }{
		{"一县的单位按编码", list(s.UnitCodes("C01")), "[U01 U02]"},
		{"全部单位", list(s.UnitCodes("")), "[U01 U02 U10]"},
		{"没有单位的县为空而非全部", list(s.UnitCodes("C03")), "[]"},
		{"一县的人员", list(s.PeopleCodes("C01", "")), "[P01 P02]"},
		{"一县组长库的人员", list(s.PeopleCodes("C01", vocab.PoolLeader)), "[P02]"},
		{"全部组长库的人员", list(s.PeopleCodes("", vocab.PoolLeader)), "[P02 P10]"},
		{"一县专业人员库无人为空", list(s.PeopleCodes("C01", vocab.PoolExpert)), "[]"},
		{"县区不存在", list(s.UnitCodes("C09")), "错误：县区 C09 不存在 (no such county)"},
		{"人员库无效", list(s.PeopleCodes("C01", "干部库")), "错误：人员库 \"干部库\" 无效（应为 组长库、工作人员库、专业人员库）"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.name, c.got, c.want)
		}
	}
}
